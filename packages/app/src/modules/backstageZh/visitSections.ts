/** The portal's sections, by the first part of a page's path, as the home page names visits. */
export const VISIT_SECTIONS = [
  'catalog',
  'tickets',
  'changes',
  'inspections',
  'kb',
  'reports',
  'archive',
  'calendar',
  'create',
  'search',
  'notifications',
  'settings',
] as const;

export type VisitSection = (typeof VISIT_SECTIONS)[number] | 'other';

export function sectionOfPath(pathname: string): VisitSection {
  const first = pathname.split('/')[1];
  return VISIT_SECTIONS.find(section => section === first) ?? 'other';
}
