import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { createBackendPlugin } from '@backstage/backend-plugin-api';
import { ConfiguredOnCall, OnCallService, onCallServiceRef } from './onCall';

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

  it('is the default of the service ref, read from paging.chain', async () => {
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
      ['group:default/ops-manager'],
      ['group:default/court-it-office'],
    ]);
  });
});
