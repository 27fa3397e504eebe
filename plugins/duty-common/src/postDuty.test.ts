import fc from 'fast-check';
import { defaultDutyConfig } from './config';
import { onSiteForPost } from './postDuty';
import type { ShiftSlot } from './types';

const { posts } = defaultDutyConfig();
const DATES = ['2026-03-02', '2026-03-03'];
const ENGINEERS = ['a', 'b', 'c', 'd', 'e'].map(n => `user:default/${n}`);

const shiftArb: fc.Arbitrary<ShiftSlot> = fc
  .record({
    id: fc.nat().map(n => `shift-${n}`),
    date: fc.constantFrom(...DATES),
    kind: fc.constantFrom('on-site' as const, 'phone' as const),
    post: fc.constantFrom('desk', 'hardware', 'software'),
    engineer: fc.option(fc.constantFrom(...ENGINEERS), { nil: null }),
  })
  .map(s => ({
    ...s,
    post: s.kind === 'phone' ? undefined : s.post,
  }));

describe('who stands on-site duty for a post on a day', () => {
  const day: ShiftSlot[] = [
    {
      id: '1',
      date: '2026-03-02',
      kind: 'on-site',
      post: 'desk',
      engineer: 'user:default/lina',
    },
    {
      id: '2',
      date: '2026-03-02',
      kind: 'on-site',
      post: 'hardware',
      engineer: 'user:default/wangqiang',
    },
    {
      id: '3',
      date: '2026-03-02',
      kind: 'on-site',
      post: 'hardware',
      engineer: null,
    },
    {
      id: '4',
      date: '2026-03-02',
      kind: 'phone',
      engineer: 'user:default/liuyang',
    },
    {
      id: '5',
      date: '2026-03-03',
      kind: 'on-site',
      post: 'hardware',
      engineer: 'user:default/zhangwei',
    },
  ];

  it("is the post's own engineers that day, not the phone nor another day", () => {
    expect(onSiteForPost(posts, day, '2026-03-02', 'hardware')).toEqual([
      'user:default/wangqiang',
    ]);
  });

  it('falls back on the posts shared with it (the desk covers hardware), never the other way', () => {
    const deskOnly = day.filter(s => s.post !== 'hardware');
    expect(onSiteForPost(posts, deskOnly, '2026-03-02', 'hardware')).toEqual([
      'user:default/lina',
    ]);
    expect(onSiteForPost(posts, day, '2026-03-02', 'software')).toEqual([]);
  });

  it('answers engineers on on-site duty that day, each once, own post first', () => {
    fc.assert(
      fc.property(
        fc.array(shiftArb, { maxLength: 30 }),
        fc.constantFrom(...DATES),
        fc.constantFrom('desk', 'hardware', 'software'),
        (shifts, date, post) => {
          const found = onSiteForPost(posts, shifts, date, post);
          const at = (ids: string[]) =>
            new Set(
              shifts
                .filter(
                  s =>
                    s.date === date &&
                    s.kind === 'on-site' &&
                    s.engineer !== null &&
                    ids.includes(s.post!),
                )
                .map(s => s.engineer),
            );
          const own = at([post]);
          const sharing = posts
            .filter(p => p.sharedWith.includes(post))
            .map(p => p.id);
          expect(new Set(found).size).toBe(found.length);
          expect(new Set(found)).toEqual(own.size > 0 ? own : at(sharing));
        },
      ),
    );
  });
});
