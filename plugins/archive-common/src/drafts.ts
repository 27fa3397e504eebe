/** The DOC-3 drafts the ops manager writes from: a plan, a summary, the weekly and monthly reports. */
export type DraftKind = 'work-plan' | 'work-summary' | 'weekly' | 'monthly';
export const DRAFT_KINDS: readonly DraftKind[] = [
  'work-plan',
  'work-summary',
  'weekly',
  'monthly',
];

/** How each draft is named in the archive: its heading and the sub-class it is filed under. */
export const DRAFT_TITLES: Readonly<Record<DraftKind, string>> = {
  'work-plan': '工作计划',
  'work-summary': '工作总结',
  weekly: '周报',
  monthly: '月报',
};
