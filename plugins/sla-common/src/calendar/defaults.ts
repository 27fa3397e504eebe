import { CalendarDefinition } from './definition';

/**
 * The named calendars of the contract (SLA-3, SLA-4). A calendar of the same
 * id in config replaces one of these.
 */
export const defaultCalendars: readonly CalendarDefinition[] = [
  {
    id: 'always',
    type: 'always',
    description: '7×24: monitoring and response support',
  },
  {
    id: 'on-site-hours',
    type: 'weekly',
    description: 'On-site duty 07:30–18:30 every day, holidays included',
    hours: { 'mon-sun': ['07:30-18:30'] },
  },
  {
    id: 'phone-duty',
    type: 'weekly',
    description: 'Phone duty 18:30–07:30 the next morning, every day',
    hours: { 'mon-sun': ['18:30-07:30'] },
  },
  {
    id: 'working-days',
    type: 'weekly',
    description:
      '5×8 on the court’s working days: China’s official calendar, 08:30–12:00 and 13:30–18:00',
    hours: { 'mon-fri': ['08:30-12:00', '13:30-18:00'] },
    followsOfficialCalendar: true,
  },
];
