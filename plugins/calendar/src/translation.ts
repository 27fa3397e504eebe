import { createTranslationRef } from '@backstage/frontend-plugin-api';

/** Every string of the official calendar, in English; Chinese lives in translations/zh.ts. */
export const calendarMessages = {
  page: {
    title: 'Official calendar',
    intro:
      "Holidays and make-up working days from the State Council's notice. Working-day SLA clocks and inspection rounds follow them.",
  },
  years: {
    title: 'Covered years',
    year: 'Year',
    source: 'Source',
    version: 'Version',
    saved: 'Saved',
    open: 'Open',
  },
  source: {
    portal: 'Entered in the portal',
    config: 'app-config (sla.officialSchedules)',
    'chinese-days': 'chinese-days data package',
  },
  form: {
    title: 'Schedule for {{year}}',
    year: 'Year',
    load: 'Open year',
    holidays: 'Holidays (放假)',
    makeUpWorkingDays: 'Make-up working days (调休上班)',
    name: 'Name',
    start: 'First day off',
    end: 'Last day off',
    date: 'Date',
    makeUpFor: 'For (optional)',
    addHoliday: 'Add holiday',
    addMakeUp: 'Add make-up day',
    remove: 'Remove',
    comment: 'Note (e.g. the notice number)',
    save: 'Save {{year}}',
    saved:
      'Saved as version {{version}}. It takes effect within a minute on every server.',
    fromBuiltIn:
      'Shown from {{source}}; saving enters it in the portal, which then takes precedence.',
    newYear: 'Not covered yet: enter the notice below.',
    problems: 'Fix these before saving:',
    readOnly: 'Only the court IT office enters schedules.',
    version: 'Version {{version}}, saved by {{by}} at {{at}}',
  },
  preview: {
    title: 'Preview',
    summary: '{{workingDays}} working days, {{holidays}} days off for holidays',
    holiday: 'Holiday',
    makeUp: 'Make-up working day',
    weekend: 'Weekend',
    workingDay: 'Working day',
    month: 'Month {{month}}',
    weekdays: 'Mo,Tu,We,Th,Fr,Sa,Su',
    monthWorkingDays: '{{count}} working days',
  },
  banner: {
    nextYear:
      "The {{year}} official schedule has not been loaded. Enter the State Council's notice before 1 January, or working-day SLA clocks and inspection rounds cannot be planned.",
    thisYear:
      'The {{year}} official schedule is missing: inspection rounds and working-day SLA clocks are waiting for it.',
    action: 'Enter {{year}}',
  },
} as const;

/** Every message key, as translations/zh.ts must list them. */
type Keys<T, Prefix extends string = ''> = {
  [K in keyof T & string]: T[K] extends string
    ? `${Prefix}${K}`
    : Keys<T[K], `${Prefix}${K}.`>;
}[keyof T & string];
export type CalendarMessageKey = Keys<typeof calendarMessages>;

export const calendarTranslationRef = createTranslationRef({
  id: 'calendar',
  messages: calendarMessages,
  translations: {
    zh: () => import('./translations/zh'),
  },
});
