import { AuditorService, HttpAuthService } from '@backstage/backend-plugin-api';
import { InputError } from '@backstage/errors';
import {
  calendarScheduleReadPermission,
  calendarScheduleUpdatePermission,
} from '@internal/plugin-calendar-common';
import express, { Request } from 'express';
import Router from 'express-promise-router';
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
 * `/api/calendar`: identifies the caller, audits every save; the service
 * checks permissions first, then the input.
 */
export async function createRouter(deps: {
  service: CalendarService;
  httpAuth: HttpAuthService;
  auditor: AuditorService;
}): Promise<express.Router> {
  const { service, httpAuth, auditor } = deps;
  const router = Router();
  router.use(express.json({ limit: '100kb' }));
  router.use(
    (
      error: { type?: string },
      _req: Request,
      _res: unknown,
      next: (e: unknown) => void,
    ) => {
      next(
        error.type === 'entity.parse.failed'
          ? new InputError('body: is not valid JSON (an object is expected)')
          : error,
      );
    },
  );
  const anyone = (req: Request) =>
    httpAuth.credentials(req, { allow: ['user', 'service'] });

  router.get('/years', async (req, res) => {
    res.json(await service.listYears(await anyone(req)));
  });

  router.get('/years/:year', async (req, res) => {
    const caller = await anyone(req);
    await service.require(calendarScheduleReadPermission, caller);
    res.json(await service.getYear(yearParam(req), caller));
  });

  router.get('/years/:year/built-in', async (req, res) => {
    const caller = await anyone(req);
    await service.require(calendarScheduleReadPermission, caller);
    res.json(await service.builtInYear(yearParam(req), caller));
  });

  router.put('/years/:year', async (req, res) => {
    const caller = await httpAuth.credentials(req, { allow: ['user'] });
    await service.require(calendarScheduleUpdatePermission, caller);
    const year = Number(req.params.year);
    const event = await auditor.createEvent({
      eventId: 'calendar-year-save',
      severityLevel: 'medium',
      request: req,
      meta: { year: req.params.year },
    });
    try {
      const saved = await service.saveYear(yearParam(req), req.body, caller);
      await event.success({
        meta: { year, version: saved.latest.version },
      });
      res.json(saved);
    } catch (error) {
      await event.fail({ error: error as Error, meta: { year } });
      throw error;
    }
  });

  router.get('/schedules', async (req, res) => {
    res.json(await service.enteredSchedules(await anyone(req)));
  });

  router.get('/revision', async (req, res) => {
    res.json({ revision: await service.revision(await anyone(req)) });
  });

  router.get('/status', async (req, res) => {
    res.json(await service.status(await anyone(req)));
  });

  return router;
}
