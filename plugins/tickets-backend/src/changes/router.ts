import {
  changeActionRequestSchema,
  changeApprovePermission,
  changeCreatePermission,
  changeFreezeManagePermission,
  createChangeRequestSchema,
  createFreezeRequestSchema,
  entityRefSchema,
  listChangesQuerySchema,
  listFreezesQuerySchema,
  parameterRegisterRequestSchema,
  successRateQuerySchema,
  ticketReadAllPermission,
  ticketWorkPermission,
} from '@internal/plugin-tickets-common';
import { NotAllowedError } from '@backstage/errors';
import { CourtRouter, parseInput } from '@internal/plugin-court-node';
import { Router } from 'express';
import { z } from 'zod';
import { ChangeService } from './ChangeService';
import { TicketService } from '../service/TicketService';

const deviceParams = z.object({ entityRef: entityRefSchema(['resource']) });

/**
 * `/changes…` and `/parameters/:entityRef`: change requests, their workflow,
 * freezes and the success rate; a device's key-parameter register.
 */
export function addChangeRoutes(
  router: Router,
  deps: {
    changes: ChangeService;
    caller: CourtRouter['caller'];
    allowed: CourtRouter<Parameters<TicketService['authorize']>[0]>['allowed'];
    audited: CourtRouter['audited'];
  },
) {
  const { changes, caller, allowed, audited } = deps;

  // Fixed paths before `/changes/:ref`, which would take them for a number.
  router.get('/changes/freezes', async (req, res) => {
    const credentials = await allowed(req, ticketReadAllPermission);
    const query = parseInput(listFreezesQuerySchema, req.query, 'query');
    res.json(await changes.freezes(query, credentials));
  });

  router.post('/changes/freezes', async (req, res) => {
    const credentials = await allowed(req, changeFreezeManagePermission);
    const body = parseInput(createFreezeRequestSchema, req.body, 'body');
    const freeze = await audited(
      req,
      'change-freeze-declare',
      { title: body.title, start: body.window.start, end: body.window.end },
      () => changes.declareFreeze(body, credentials),
    );
    res.status(201).json(freeze);
  });

  router.delete('/changes/freezes/:id', async (req, res) => {
    const credentials = await caller(req);
    const freeze = await audited(
      req,
      'change-freeze-lift',
      { freeze: req.params.id },
      () => changes.liftFreeze(req.params.id, credentials),
    );
    res.json(freeze);
  });

  router.get('/changes/success-rate', async (req, res) => {
    const credentials = await allowed(req, ticketReadAllPermission);
    const query = parseInput(successRateQuerySchema, req.query, 'query');
    res.json(await changes.successRate(query, credentials));
  });

  router.get('/changes', async (req, res) => {
    const filter = parseInput(listChangesQuerySchema, req.query, 'query');
    res.json(await changes.list(filter, await caller(req)));
  });

  router.post('/changes', async (req, res) => {
    const credentials = await allowed(req, changeCreatePermission);
    const body = parseInput(createChangeRequestSchema, req.body, 'body');
    const { detail, created } = await audited(
      req,
      'change-create',
      {
        emergency: body.emergency,
        entityRefs: body.entityRefs,
        parameterEdits: body.parameterEdits.length,
        sourceRef: body.sourceRef ?? null,
      },
      () => changes.file(body, credentials),
    );
    // A retried filing (same sourceRef) gets the first change back.
    res.status(created ? 201 : 200).json(detail);
  });

  router.get('/changes/:ref', async (req, res) => {
    res.json(await changes.get(req.params.ref, await caller(req)));
  });

  router.post('/changes/:ref/actions', async (req, res) => {
    // Authorize first: only those who approve or work changes act on one.
    const credentials = await Promise.any([
      allowed(req, changeApprovePermission),
      allowed(req, ticketWorkPermission),
    ]).catch(() => {
      throw new NotAllowedError('acting on a change is not allowed');
    });
    const body = parseInput(changeActionRequestSchema, req.body, 'body');
    const detail = await audited(
      req,
      'change-action',
      { change: req.params.ref, action: body.action, version: body.version },
      () => changes.act(req.params.ref, body, credentials),
    );
    res.json(detail);
  });

  router.get('/parameters/:entityRef', async (req, res) => {
    await caller(req);
    const { entityRef } = parseInput(deviceParams, req.params, 'path');
    res.json(await changes.parameters(entityRef));
  });

  router.post('/parameters/:entityRef', async (req, res) => {
    const credentials = await allowed(req, ticketWorkPermission);
    const { entityRef } = parseInput(deviceParams, req.params, 'path');
    const body = parseInput(parameterRegisterRequestSchema, req.body, 'body');
    const register = await audited(
      req,
      'parameter-register',
      { device: entityRef, parameter: body.parameter, change: body.change },
      () => changes.registerEdit(entityRef, body, credentials),
    );
    res.status(201).json(register);
  });
}
