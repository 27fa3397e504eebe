import type {
  DutyApi,
  DutyPost,
  Roster,
  Shift,
} from '@internal/plugin-duty-common';

/** Shared by the component tests: the contract's posts and a small team. */
export const posts: DutyPost[] = [
  { id: 'desk', name: '服务台（兼硬件）', sharedWith: ['hardware'] },
  { id: 'hardware', name: '硬件岗', sharedWith: [] },
  { id: 'software', name: '软件岗', sharedWith: [] },
];

export const engineers = [
  'user:default/lina',
  'user:default/zhangwei',
  'user:default/liuyang',
];

/** A fake duty API: each test gives what it calls; anything else fails loudly. */
export function fakeDutyApi(calls: Partial<DutyApi>): DutyApi {
  return new Proxy(calls as DutyApi, {
    get(target, name: string) {
      const call = target[name as keyof DutyApi];
      if (!call) throw new Error(`the test did not expect DutyApi.${name}`);
      return call;
    },
  });
}

export function shiftOf(
  partial: Pick<Shift, 'id' | 'date' | 'kind' | 'engineer'> & {
    post?: string;
  },
): Shift {
  return {
    month: partial.date.slice(0, 7),
    startsAt: `${partial.date}T00:00:00.000Z`,
    endsAt: `${partial.date}T10:00:00.000Z`,
    version: 1,
    ...partial,
  };
}

export function rosterOf(partial: Partial<Roster> & { month: string }): Roster {
  return {
    status: 'draft',
    version: 3,
    days: [],
    shifts: [],
    problems: [],
    ...partial,
  };
}

const person = (name: string, displayName: string) => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'User',
  metadata: { name, namespace: 'default' },
  spec: { profile: { displayName } },
});

/** The catalog's people, by display name; 陈静 (chenjing) is missing, so her ref's name shows. */
export const people = [
  person('lina', '李娜'),
  person('zhangwei', '张伟'),
  person('liuyang', '刘洋'),
  person('wangqiang', '王强'),
  person('sunlei', '孙磊'),
];
