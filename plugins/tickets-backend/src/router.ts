import { AuditorService, HttpAuthService } from '@backstage/backend-plugin-api';
import {
  commentRequestSchema,
  complianceQuerySchema,
  createTicketRequestSchema,
  editTicketRequestSchema,
  linkRequestSchema,
  listTicketsQuerySchema,
  parseInput,
  ticketActionRequestSchema,
  ticketCreatePermission,
  ticketReadAllPermission,
  ticketUpdatePermission,
  ticketWorkPermission,
  workLogRequestSchema,
} from '@internal/plugin-tickets-common';
import { InputError } from '@backstage/errors';
import { JsonObject } from '@backstage/types';
import express, { Request } from 'express';
import Router from 'express-promise-router';
import { addChangeRoutes } from './changeRoutes';
import { openApiDocument } from './openapi';
import { ChangeService } from './service/ChangeService';
import { Caller, TicketService } from './service/TicketService';

/**
 * `/api/tickets`: parses and validates each request (400 naming the field),
 * identifies the caller, audits every change; the service does the rest.
 */
export async function createRouter(deps: {
  service: TicketService;
  changes: ChangeService;
  httpAuth: HttpAuthService;
  auditor: AuditorService;
}): Promise<express.Router> {
  const { service, changes, httpAuth, auditor } = deps;
  const router = Router();
  router.use(express.json({ limit: '200kb' }));
  // Say which part of the request is wrong, as for every other bad input.
  router.use(
    (
      error: { type?: string },
      _req: Request,
      _res: unknown,
      next: (e: unknown) => void,
    ) => {
      if (error.type === 'entity.parse.failed') {
        next(new InputError('body: is not valid JSON (an object is expected)'));
      } else if (error.type === 'entity.too.large') {
        next(new InputError('body: is larger than 200 kB'));
      } else {
        next(error);
      }
    },
  );

  const caller = (req: Request): Promise<Caller> =>
    httpAuth.credentials(req, { allow: ['user', 'service'] });
  /**
   * Authorize first: a caller denied the permission outright gets 403
   * before any 400 that would describe the expected input.
   */
  const allowed = async (
    req: Request,
    permission: Parameters<TicketService['authorize']>[0],
  ): Promise<Caller> => {
    const credentials = await caller(req);
    await service.authorize(permission, credentials);
    return credentials;
  };

  /** Runs a change under an audit event: who, what, on which ticket, outcome. */
  async function audited<T>(
    req: Request,
    eventId: string,
    meta: JsonObject,
    change: () => Promise<T>,
  ): Promise<T> {
    const event = await auditor.createEvent({
      eventId,
      severityLevel: 'medium',
      request: req,
      meta,
    });
    try {
      const result = await change();
      await event.success({ meta });
      return result;
    } catch (error) {
      await event.fail({ error: error as Error, meta });
      throw error;
    }
  }

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

  return router;
}
