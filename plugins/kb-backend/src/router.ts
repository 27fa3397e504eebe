import { AuditorService, HttpAuthService } from '@backstage/backend-plugin-api';
import {
  articleIdSchema,
  createArticleRequestSchema,
  diffQuerySchema,
  exportQuerySchema,
  knownErrorFromTicketRequestSchema,
  restoreArticleRequestSchema,
  searchArticlesQuerySchema,
  suggestionsQuerySchema,
  updateArticleRequestSchema,
} from '@internal/plugin-kb-common';
import {
  Caller,
  createCourtRouter,
  parseInput,
} from '@internal/plugin-court-node';
import express, { Request } from 'express';
import { z } from 'zod';
import { addFigureRoutes } from './figuresRouter';
import { KbService } from './service/KbService';

const versionParam = z.coerce.number().int().min(1);

/**
 * `/api/kb`: parses and validates each request (400 naming the field),
 * identifies the caller, audits every change; the service does the rest.
 */
export async function createRouter(deps: {
  service: KbService;
  /** What `/figures` needs besides the caller. */
  figures: Omit<Parameters<typeof addFigureRoutes>[1], 'caller'>;
  httpAuth: HttpAuthService;
  auditor: AuditorService;
}): Promise<express.Router> {
  const { service, httpAuth, auditor } = deps;
  const { router, caller, audited } = createCourtRouter({
    httpAuth,
    auditor,
    bodyLimitKb: 500,
  });
  /** Authorize first: 403 before any 400 that would describe the input. */
  const allowed = async (
    req: Request,
    action: 'create' | 'read' | 'update',
  ): Promise<Caller> => {
    const credentials = await caller(req);
    await service.authorize(action, credentials);
    return credentials;
  };
  const articleId = (req: Request) =>
    parseInput(articleIdSchema, req.params.id, 'path.id');

  router.get('/articles', async (req, res) => {
    const query = parseInput(searchArticlesQuerySchema, req.query, 'query');
    res.json(await service.search(query, await caller(req)));
  });

  router.get('/kinds', async (req, res) => {
    res.json(await service.countKinds(await caller(req)));
  });

  router.post('/articles', async (req, res) => {
    const credentials = await allowed(req, 'create');
    const body = parseInput(createArticleRequestSchema, req.body, 'body');
    const article = await audited(
      req,
      'kb-article-create',
      { kind: body.kind, visibility: body.visibility },
      () => service.create(body, credentials),
    );
    res.status(201).json(article);
  });

  router.get('/articles/:id', async (req, res) => {
    res.json(await service.get(articleId(req), await caller(req)));
  });

  router.put('/articles/:id', async (req, res) => {
    const credentials = await allowed(req, 'update');
    const id = articleId(req);
    const body = parseInput(updateArticleRequestSchema, req.body, 'body');
    const article = await audited(
      req,
      'kb-article-update',
      { article: id, version: body.version, visibility: body.visibility },
      () => service.update(id, body, credentials),
    );
    res.json(article);
  });

  router.get('/articles/:id/versions', async (req, res) => {
    res.json(await service.versions(articleId(req), await caller(req)));
  });

  router.get('/articles/:id/versions/:version', async (req, res) => {
    const credentials = await allowed(req, 'read');
    const version = parseInput(versionParam, req.params.version, 'path.version');
    res.json(await service.version(articleId(req), version, credentials));
  });

  router.get('/articles/:id/diff', async (req, res) => {
    const credentials = await allowed(req, 'read');
    const { from, to } = parseInput(diffQuerySchema, req.query, 'query');
    res.json(await service.diff(articleId(req), from, to, credentials));
  });

  router.post('/articles/:id/restore', async (req, res) => {
    const credentials = await allowed(req, 'update');
    const id = articleId(req);
    const body = parseInput(restoreArticleRequestSchema, req.body, 'body');
    const article = await audited(
      req,
      'kb-article-restore',
      { article: id, version: body.version, from: body.from },
      () => service.restore(id, body, credentials),
    );
    res.json(article);
  });

  router.get('/suggestions', async (req, res) => {
    const query = parseInput(suggestionsQuerySchema, req.query, 'query');
    res.json(await service.suggest(query, await caller(req)));
  });

  router.post('/known-errors', async (req, res) => {
    const credentials = await allowed(req, 'create');
    const body = parseInput(knownErrorFromTicketRequestSchema, req.body, 'body');
    const result = await audited(
      req,
      'kb-known-error-from-ticket',
      { ticket: body.ticket, visibility: body.visibility },
      () => service.knownErrorFromTicket(body, credentials),
    );
    res.status(result.created ? 201 : 200).json(result);
  });

  router.get('/export', async (req, res) => {
    const query = parseInput(exportQuerySchema, req.query, 'query');
    res.json(await service.export(query, await caller(req)));
  });

  addFigureRoutes(router, { ...deps.figures, caller });

  return router;
}
