import { createApiRef } from '@backstage/frontend-plugin-api';
import type { CalendarApi } from '@internal/plugin-calendar-common';

/** The official calendar backend, as the browser calls it. */
export const calendarApiRef = createApiRef<CalendarApi>().with({
  id: 'plugin.calendar.service',
  pluginId: 'calendar',
});
