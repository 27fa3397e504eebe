import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { createBackendPlugin } from '@backstage/backend-plugin-api';
import {
  ConfiguredOnCall,
  OnCallService,
  onCallServiceRef,
  RosterOnCall,
} from './onCall';

describe('the on-call chain from config', () => {
  it('pages each on-call person in turn, then the ops manager, then the court IT office', async () => {
    const chain = await new ConfiguredOnCall({
      onCall: ['user:default/zhangwei', 'user:default/liuyang'],
      opsManager: ['group:default/ops-manager'],
      courtItOffice: ['group:default/court-it-office'],
    }).escalationChain();
    expect(chain).toEqual([
      { role: 'on-call', recipients: ['user:default/zhangwei'] },
      { role: 'on-call', recipients: ['user:default/liuyang'] },
      { role: 'ops-manager', recipients: ['group:default/ops-manager'] },
      {
        role: 'court-it-office',
        recipients: ['group:default/court-it-office'],
      },
    ]);
  });

  it('is what the default of the service ref answers without the duty plugin, from paging.chain', async () => {
    let seen: OnCallService | undefined;
    await startTestBackend({
      features: [
        mockServices.rootConfig.factory({
          data: { paging: { chain: { onCall: ['user:default/zhangwei'] } } },
        }),
        createBackendPlugin({
          pluginId: 'probe',
          register(env) {
            env.registerInit({
              deps: { onCall: onCallServiceRef },
              async init({ onCall }) {
                seen = onCall;
              },
            });
          },
        }),
      ],
    });
    expect(
      (
        await seen!.escalationChain('2026-12-06T03:00:00+08:00', {
          kind: 'sla-breach',
          level: 'L1',
          ticketNumber: 'INC-2026-00042',
        })
      ).map(t => t.recipients),
    ).toEqual([
      ['user:default/zhangwei'],
      ['group:default/ops-managers'],
      ['group:default/court-it-office'],
    ]);
  });
});

describe('the on-call chain from the duty roster', () => {
  const chain = {
    onCall: ['user:default/zhoujie'],
    opsManager: ['group:default/ops-managers'],
    courtItOffice: ['group:default/court-it-office'],
  };
  const tail = [
    { role: 'ops-manager', recipients: ['group:default/ops-managers'] },
    { role: 'court-it-office', recipients: ['group:default/court-it-office'] },
  ];
  const onCall = (refs: string[]) =>
    refs.map(ref => ({ role: 'on-call', recipients: [ref] }));
  const night = (phone: string, at: string) => ({
    at,
    onSiteHours: false,
    onSite: [],
    phone,
    first: phone,
  });

  it('at night: tonight phone duty, then the next night, asked a day later', async () => {
    const asked: string[] = [];
    const roster = new RosterOnCall(
      {
        async onCallAt(at) {
          asked.push(at);
          return asked.length === 1
            ? night('user:default/wangqiang', at)
            : night('user:default/liuyang', at);
        },
      },
      chain,
    );
    expect(await roster.escalationChain('2026-12-06T03:00:00+08:00')).toEqual([
      ...onCall(['user:default/wangqiang', 'user:default/liuyang']),
      ...tail,
    ]);
    expect(asked).toEqual([
      '2026-12-06T03:00:00+08:00',
      '2026-12-07T03:00:00.000+08:00',
    ]);
  });

  it('by day: the desk, then the other posts, each once', async () => {
    const roster = new RosterOnCall(
      {
        async onCallAt(at) {
          return {
            at,
            onSiteHours: true,
            onSite: [
              { post: 'desk', engineer: 'user:default/lina' },
              { post: 'hardware', engineer: 'user:default/lina' },
              { post: 'software', engineer: 'user:default/chenjing' },
            ],
            first: 'user:default/lina',
          };
        },
      },
      chain,
    );
    expect(await roster.escalationChain('2026-12-07T10:00:00+08:00')).toEqual([
      ...onCall(['user:default/lina', 'user:default/chenjing']),
      ...tail,
    ]);
  });

  it('pages the engineers an event names (a major event, 重点保障) instead of asking the roster', async () => {
    const asked: string[] = [];
    const roster = new RosterOnCall(
      {
        async onCallAt(at) {
          asked.push(at);
          return night('user:default/wangqiang', at);
        },
      },
      chain,
    );
    expect(
      await roster.escalationChain('2026-12-06T03:00:00+08:00', {
        onCall: ['user:default/zhangwei', 'user:default/liuyang'],
      }),
    ).toEqual([
      ...onCall(['user:default/zhangwei', 'user:default/liuyang']),
      ...tail,
    ]);
    expect(asked).toEqual([]);
  });

  it('falls back to paging.chain when duty does not answer or names nobody', async () => {
    for (const answer of [
      undefined,
      { at: 'x', onSiteHours: false, onSite: [] },
    ]) {
      const roster = new RosterOnCall({ onCallAt: async () => answer }, chain);
      expect(await roster.escalationChain('2026-12-06T03:00:00+08:00')).toEqual(
        [...onCall(['user:default/zhoujie']), ...tail],
      );
    }
  });
});
