import { AuditorService, HttpAuthService } from '@backstage/backend-plugin-api';
import { createCourtRouter } from '@internal/plugin-court-node';
import {
  dutyAttendanceReadPermission,
  dutyMajorEventReadPermission,
  dutyRosterManagePermission,
  dutyRosterReadPermission,
  dutyShiftStandPermission,
  FilingDutySpan,
} from '@internal/plugin-duty-common';
import express from 'express';
import { MajorEventService } from './majorEvents/MajorEventService';
import { addMajorEventRoutes } from './majorEvents/router';
import { DutyAction, DutyService } from './service/DutyService';

/** `/api/duty`: the caller is asked for first (403 before 400), every change audited. */
export async function createRouter(deps: {
  service: DutyService;
  majorEvents: MajorEventService;
  httpAuth: HttpAuthService;
  auditor: AuditorService;
  /** After every change, before its answer: the desk's kept span of filing duty is stale. */
  changed: () => void;
}): Promise<express.Router> {
  const { service } = deps;
  const court = createCourtRouter<DutyAction>({
    httpAuth: deps.httpAuth,
    auditor: deps.auditor,
    bodyLimitKb: 20,
    authorize: (action, who) => service.authorize(action, who),
    changed: deps.changed,
  });
  const { router, allowed, audited } = court;
  addMajorEventRoutes(court, deps.majorEvents);

  router.get('/setup', async (req, res) => {
    await allowed(req, dutyRosterReadPermission);
    res.json(service.setup());
  });

  router.get('/rosters/:month', async (req, res) => {
    res.json(
      await service.getRoster(
        req.params.month,
        await allowed(req, dutyRosterReadPermission),
      ),
    );
  });

  router.post('/rosters/:month/generate', async (req, res) => {
    const who = await allowed(req, dutyRosterManagePermission);
    const roster = await audited(
      req,
      'duty-roster-generate',
      { month: req.params.month },
      () => service.generate(req.params.month, req.body, who),
    );
    res.status(201).json(roster);
  });

  router.post('/rosters/:month/shifts', async (req, res) => {
    const who = await allowed(req, dutyRosterManagePermission);
    const shift = await audited(
      req,
      'duty-shift-add',
      { month: req.params.month },
      () => service.addShift(req.params.month, req.body, who),
    );
    res.status(201).json(shift);
  });

  router.post('/rosters/:month/publish', async (req, res) => {
    const who = await allowed(req, dutyRosterManagePermission);
    res.json(
      await audited(
        req,
        'duty-roster-publish',
        { month: req.params.month },
        () => service.publish(req.params.month, req.body, who),
      ),
    );
  });

  router.put('/shifts/:id', async (req, res) => {
    const who = await allowed(req, dutyRosterManagePermission);
    res.json(
      await audited(req, 'duty-shift-update', { shiftId: req.params.id }, () =>
        service.updateShift(req.params.id, req.body, who),
      ),
    );
  });

  router.get('/my/shifts', async (req, res) => {
    res.json(
      await service.myShifts(
        req.query,
        await allowed(req, dutyShiftStandPermission),
      ),
    );
  });

  router.get('/on-call', async (req, res) => {
    res.json(
      await service.onCall(
        req.query,
        await allowed(req, dutyRosterReadPermission),
      ),
    );
  });

  // For the service desk as it files tickets (its own credentials): a minute of on-call and
  // major-event floors in one answer, which it keeps and answers its filings from.
  router.get('/filing-duty-span', async (req, res) => {
    await allowed(req, dutyRosterReadPermission);
    const caller = await allowed(req, dutyMajorEventReadPermission);
    const roster = await service.onCallSpan(req.query, caller);
    const plans = await deps.majorEvents.floorSpan(req.query, caller);
    res.json({ ...roster, ...plans } satisfies FilingDutySpan);
  });

  router.get('/swaps', async (req, res) => {
    res.json(
      await service.listSwaps(await allowed(req, dutyRosterReadPermission)),
    );
  });

  router.post('/swaps', async (req, res) => {
    const who = await allowed(req, dutyShiftStandPermission);
    const swap = await audited(
      req,
      'duty-swap-request',
      { shiftId: String(req.body?.shiftId ?? '') },
      () => service.requestSwap(req.body, who),
    );
    res.status(201).json(swap);
  });

  router.post('/swaps/:id/decision', async (req, res) => {
    const who = await allowed(req, dutyRosterManagePermission);
    res.json(
      await audited(
        req,
        'duty-swap-decide',
        { swapId: req.params.id, approve: req.body?.approve === true },
        () => service.decideSwap(req.params.id, req.body, who),
      ),
    );
  });

  router.get('/leave', async (req, res) => {
    res.json(
      await service.listLeave(
        req.query,
        await allowed(req, dutyRosterReadPermission),
      ),
    );
  });

  router.post('/leave', async (req, res) => {
    const who = await allowed(req, dutyShiftStandPermission);
    const leave = await audited(req, 'duty-leave-request', {}, () =>
      service.requestLeave(req.body, who),
    );
    res.status(201).json(leave);
  });

  router.post('/leave/:id/decision', async (req, res) => {
    const who = await allowed(req, 'decide-leave');
    res.json(
      await audited(
        req,
        'duty-leave-decide',
        { leaveId: req.params.id, approve: req.body?.approve === true },
        () => service.decideLeave(req.params.id, req.body, who),
      ),
    );
  });

  router.post('/attendance/check-in', async (req, res) => {
    const who = await allowed(req, dutyShiftStandPermission);
    res.json(
      await audited(req, 'duty-check-in', {}, () =>
        service.checkIn(req.body, who),
      ),
    );
  });

  router.post('/attendance/check-out', async (req, res) => {
    const who = await allowed(req, dutyShiftStandPermission);
    res.json(
      await audited(req, 'duty-check-out', {}, () => service.checkOut(who)),
    );
  });

  router.get('/attendance', async (req, res) => {
    res.json(
      await service.attendance(
        req.query,
        await allowed(req, dutyRosterReadPermission),
      ),
    );
  });

  router.get('/attendance/sheet', async (req, res) => {
    const who = await allowed(req, dutyAttendanceReadPermission);
    const sheet = await audited(
      req,
      'duty-attendance-download',
      { month: String(req.query.month ?? '') },
      () => service.attendanceSheet(req.query, who),
    );
    res.setHeader(
      'Content-Type',
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    res.setHeader(
      'Content-Disposition',
      `attachment; filename="attendance-${sheet.month}.xlsx"`,
    );
    res.end(sheet.content);
  });

  router.post('/my/calendar-feed', async (req, res) => {
    const who = await allowed(req, dutyShiftStandPermission);
    res
      .status(201)
      .json(
        await audited(req, 'duty-feed-create', {}, () =>
          service.createFeed(who),
        ),
      );
  });

  router.delete('/my/calendar-feed', async (req, res) => {
    const who = await allowed(req, dutyShiftStandPermission);
    await audited(req, 'duty-feed-revoke', {}, () => service.revokeFeed(who));
    res.status(204).end();
  });

  // Unauthenticated (the phone's calendar has no portal session): the token is the credential.
  router.get('/calendar/:file', async (req, res) => {
    const token = req.params.file.replace(/\.ics$/, '');
    const body = await service.feed(token);
    res.setHeader('Content-Type', 'text/calendar; charset=utf-8');
    res.setHeader('Cache-Control', 'private, max-age=300');
    res.end(body);
  });

  router.get('/duty-room/qr.svg', async (req, res) => {
    const svg = await service.roomQrCode(
      await allowed(req, dutyRosterManagePermission),
    );
    res.setHeader('Content-Type', 'image/svg+xml');
    res.end(svg);
  });

  return router;
}
