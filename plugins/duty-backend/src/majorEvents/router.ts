import { CourtRouter } from '@internal/plugin-court-node';
import {
  dutyMajorEventManagePermission,
  dutyMajorEventReadPermission,
} from '@internal/plugin-duty-common';
import { DutyAction } from '../service/DutyService';
import { MajorEventService } from './MajorEventService';

/** `/api/duty/major-events` (重点保障) on duty's router: 403 before 400, every change audited. */
export function addMajorEventRoutes(
  { router, allowed, audited }: CourtRouter<DutyAction>,
  service: MajorEventService,
) {
  router.get('/major-events', async (req, res) => {
    res.json(
      await service.list(await allowed(req, dutyMajorEventReadPermission)),
    );
  });

  // For other backends (the service desk, with its own credentials): the floor a new ticket gets.
  router.get('/major-events/floor', async (req, res) => {
    res.json(
      await service.floor(
        req.query,
        await allowed(req, dutyMajorEventReadPermission),
      ),
    );
  });

  router.get('/major-events/:id', async (req, res) => {
    res.json(
      await service.get(
        req.params.id,
        await allowed(req, dutyMajorEventReadPermission),
      ),
    );
  });

  router.post('/major-events', async (req, res) => {
    const who = await allowed(req, dutyMajorEventManagePermission);
    const plan = await audited(req, 'duty-major-event-create', {}, () =>
      service.create(req.body, who),
    );
    res.status(201).json(plan);
  });

  router.put('/major-events/:id', async (req, res) => {
    const who = await allowed(req, dutyMajorEventManagePermission);
    res.json(
      await audited(
        req,
        'duty-major-event-update',
        { planId: req.params.id },
        () => service.update(req.params.id, req.body, who),
      ),
    );
  });

  router.put('/major-events/:id/summary', async (req, res) => {
    const who = await allowed(req, dutyMajorEventManagePermission);
    res.json(
      await audited(
        req,
        'duty-major-event-summary',
        { planId: req.params.id },
        () => service.writeSummary(req.params.id, req.body, who),
      ),
    );
  });
}
