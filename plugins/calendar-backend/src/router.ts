import { AuditorService, HttpAuthService } from '@backstage/backend-plugin-api';
import { InputError } from '@backstage/errors';
import {
  calendarScheduleReadPermission,
  calendarScheduleUpdatePermission,
} from '@internal/plugin-calendar-common';
import { BasicPermission } from '@backstage/plugin-permission-common';
import { createCourtRouter } from '@internal/plugin-court-node';
import express, { Request } from 'express';
import { CalendarService } from './service/CalendarService';

/** A year in the path: 2000..2100. */
function yearParam(req: Request): number {
  const text = req.params.year;
  const year = Number(text);
  if (!/^\d{4}$/.test(text) || year < 2000 || year > 2100) {
    throw new InputError(
      `path.year: expected a year 2000..2100, got ${JSON.stringify(text)}`,
    );
  }
  return year;
}

/**
 * `/api/calendar`: identifies the caller, authorizes before reading the
 * input, audits every save; the service does the rest.
 */
export async function createRouter(deps: {
  service: CalendarService;
  httpAuth: HttpAuthService;
  auditor: AuditorService;
}): Promise<express.Router> {
  const { service, httpAuth, auditor } = deps;
  const { router, caller, allowed, audited } = createCourtRouter({
    httpAuth,
    auditor,
    bodyLimitKb: 100,
    authorize: (permission: BasicPermission, credentials) =>
      service.require(permission, credentials),
  });

  router.get('/years', async (req, res) => {
    res.json(await service.listYears(await caller(req)));
  });

  router.get('/years/:year', async (req, res) => {
    const credentials = await allowed(req, calendarScheduleReadPermission);
    res.json(await service.getYear(yearParam(req), credentials));
  });

  router.get('/years/:year/built-in', async (req, res) => {
    const credentials = await allowed(req, calendarScheduleReadPermission);
    res.json(await service.builtInYear(yearParam(req), credentials));
  });

  router.put('/years/:year', async (req, res) => {
    // Each version names the person who entered it: no service saves a year.
    const person = await httpAuth.credentials(req, { allow: ['user'] });
    await allowed(req, calendarScheduleUpdatePermission);
    const saved = await audited(
      req,
      'calendar-year-save',
      { year: req.params.year },
      () => service.saveYear(yearParam(req), req.body, person),
    );
    res.json(saved);
  });

  router.get('/schedules', async (req, res) => {
    res.json(await service.enteredSchedules(await caller(req)));
  });

  router.get('/revision', async (req, res) => {
    res.json({ revision: await service.revision(await caller(req)) });
  });

  router.get('/status', async (req, res) => {
    res.json(await service.status(await caller(req)));
  });

  return router;
}
