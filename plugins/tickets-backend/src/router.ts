import { AuditorService, HttpAuthService } from '@backstage/backend-plugin-api';
import {
  commentRequestSchema,
  complianceQuerySchema,
  createTicketRequestSchema,
  editTicketRequestSchema,
  linkRequestSchema,
  listTicketsQuerySchema,
  ticketActionRequestSchema,
  ticketCreatePermission,
  ticketReadAllPermission,
  ticketUpdatePermission,
  ticketWorkPermission,
  workLogRequestSchema,
} from '@internal/plugin-tickets-common';
import {
  Caller,
  createCourtRouter,
  parseInput,
} from '@internal/plugin-court-node';
import express from 'express';
import { addChangeRoutes } from './changes/router';
import { addFigureRoutes } from './figures/router';
import { TicketFiguresService } from './figures/TicketFiguresService';
import { openApiDocument } from './openapi';
import { ChangeService } from './changes/ChangeService';
import { TicketService } from './service/TicketService';

/**
 * `/api/tickets`: parses and validates each request (400 naming the field),
 * identifies the caller, audits every mutation; the service does the rest.
 */
export async function createRouter(deps: {
  service: TicketService;
  changes: ChangeService;
  figures: TicketFiguresService;
  httpAuth: HttpAuthService;
  auditor: AuditorService;
}): Promise<express.Router> {
  const { service, changes, figures, httpAuth, auditor } = deps;
  const { router, caller, audited } = createCourtRouter({
    httpAuth,
    auditor,
    bodyLimitKb: 200,
  });
  /**
   * Authorize first: a caller denied the permission outright gets 403
   * before any 400 that would describe the expected input.
   */
  const allowed = async (
    req: express.Request,
    permission: Parameters<TicketService['authorize']>[0],
  ): Promise<Caller> => {
    const credentials = await caller(req);
    await service.authorize(permission, credentials);
    return credentials;
  };

  router.get('/openapi.json', (_req, res) => {
    res.json(openApiDocument());
  });

  router.get('/tickets', async (req, res) => {
    const filter = parseInput(listTicketsQuerySchema, req.query, 'query');
    res.json(await service.list(filter, await caller(req)));
  });

  router.post('/tickets', async (req, res) => {
    const credentials = await allowed(req, ticketCreatePermission);
    const body = parseInput(createTicketRequestSchema, req.body, 'body');
    const { ticket, created } = await audited(
      req,
      'ticket-create',
      {
        type: body.type,
        entityRefs: body.entityRefs,
        sourceRef: body.sourceRef ?? null,
      },
      () => service.create(body, credentials),
    );
    // A retried filing (same sourceRef) gets the first ticket back.
    res.status(created ? 201 : 200).json(ticket);
  });

  router.get('/tickets/:ref', async (req, res) => {
    res.json(await service.get(req.params.ref, await caller(req)));
  });

  router.patch('/tickets/:ref', async (req, res) => {
    const credentials = await allowed(req, ticketUpdatePermission);
    const body = parseInput(editTicketRequestSchema, req.body, 'body');
    const ticket = await audited(
      req,
      'ticket-edit',
      { ticket: req.params.ref, fields: Object.keys(body) },
      () => service.edit(req.params.ref, body, credentials),
    );
    res.json(ticket);
  });

  router.post('/tickets/:ref/actions', async (req, res) => {
    const credentials = await allowed(req, ticketWorkPermission);
    const body = parseInput(ticketActionRequestSchema, req.body, 'body');
    const ticket = await audited(
      req,
      'ticket-action',
      { ticket: req.params.ref, action: body.action, version: body.version },
      () => service.act(req.params.ref, body, credentials),
    );
    res.json(ticket);
  });

  router.post('/tickets/:ref/comments', async (req, res) => {
    const credentials = await allowed(req, ticketUpdatePermission);
    const body = parseInput(commentRequestSchema, req.body, 'body');
    const event = await audited(
      req,
      'ticket-comment',
      { ticket: req.params.ref },
      () => service.comment(req.params.ref, body, credentials),
    );
    res.status(201).json(event);
  });

  router.post('/tickets/:ref/work-logs', async (req, res) => {
    const credentials = await allowed(req, ticketWorkPermission);
    const body = parseInput(workLogRequestSchema, req.body, 'body');
    const log = await audited(
      req,
      'ticket-work-log',
      { ticket: req.params.ref, minutes: body.minutes },
      () => service.logWork(req.params.ref, body, credentials),
    );
    res.status(201).json(log);
  });

  router.post('/tickets/:ref/links', async (req, res) => {
    const credentials = await allowed(req, ticketUpdatePermission);
    const body = parseInput(linkRequestSchema, req.body, 'body');
    const detail = await audited(
      req,
      'ticket-link',
      { ticket: req.params.ref, kind: body.kind, target: body.target },
      () => service.link(req.params.ref, body, credentials),
    );
    res.status(201).json(detail);
  });

  router.get('/sla/config', async (req, res) => {
    await caller(req);
    res.json(service.slaConfig());
  });

  router.get('/sla/compliance', async (req, res) => {
    const credentials = await allowed(req, ticketReadAllPermission);
    const query = parseInput(complianceQuerySchema, req.query, 'query');
    res.json(await service.compliance(query, credentials));
  });

  addChangeRoutes(router, { changes, caller, allowed, audited });
  addFigureRoutes(router, { figures, allowed });

  return router;
}
