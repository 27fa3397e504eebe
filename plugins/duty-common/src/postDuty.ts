import type { DutyPost } from './config';
import type { ShiftSlot } from './types';

/**
 * Who stands on-site duty for `post` on `date`, for work given out by post (inspection rounds):
 * the engineers of the post's own shifts; when it has none, those of posts shared with it (the
 * desk covers hardware), who count toward its coverage. Each engineer once, in roster order.
 */
export function onSiteForPost(
  posts: readonly Pick<DutyPost, 'id' | 'sharedWith'>[],
  shifts: readonly ShiftSlot[],
  date: string,
  post: string,
): string[] {
  const onSiteAt = (ids: readonly string[]) => [
    ...new Set(
      shifts.flatMap(s =>
        s.date === date &&
        s.kind === 'on-site' &&
        s.engineer !== null &&
        ids.includes(s.post ?? '')
          ? [s.engineer]
          : [],
      ),
    ),
  ];
  const own = onSiteAt([post]);
  if (own.length > 0) return own;
  return onSiteAt(
    posts.filter(p => p.sharedWith.includes(post)).map(p => p.id),
  );
}
