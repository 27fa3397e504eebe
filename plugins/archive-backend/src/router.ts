import { BasicPermission } from '@backstage/plugin-permission-common';
import { AuditorService, HttpAuthService } from '@backstage/backend-plugin-api';
import { InputError } from '@backstage/errors';
import { createCourtRouter } from '@internal/plugin-court-node';
import express, { Request, Response } from 'express';
import { ArchiveService } from './service/ArchiveService';

/**
 * Reads an upload's bytes, up to the limit. Called by the service only once
 * the caller may upload, so a refused caller gets 403 whatever the file.
 */
function rawBody(
  req: Request,
  res: Response,
  maxFileMb: number,
): () => Promise<Buffer> {
  const parse = express.raw({
    type: () => true,
    limit: Math.floor(maxFileMb * 1024 * 1024),
  });
  return () =>
    new Promise((resolve, reject) => {
      parse(req, res, (error?: unknown) => {
        if (
          (error as { type?: string } | undefined)?.type === 'entity.too.large'
        ) {
          reject(new InputError(`file: is larger than ${maxFileMb} MB`));
        } else if (error) {
          reject(error);
        } else {
          // No body at all leaves the parsers' empty object.
          resolve(Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0));
        }
      });
    });
}

/** `/api/archive`: identifies the caller and audits every change and download; the service checks permissions first, then the input. */
export async function createRouter(deps: {
  service: ArchiveService;
  httpAuth: HttpAuthService;
  auditor: AuditorService;
  maxFileMb: number;
}): Promise<express.Router> {
  const { service, maxFileMb } = deps;
  const { router, caller, audited } = createCourtRouter<BasicPermission>({
    httpAuth: deps.httpAuth,
    auditor: deps.auditor,
    bodyLimitKb: 100,
    authorize: (permission, who) => service.require(permission, who),
  });

  router.get('/documents', async (req, res) => {
    res.json(await service.list(req.query, await caller(req)));
  });

  router.post('/documents', async (req, res) => {
    const who = await caller(req);
    const document = await audited(
      req,
      'archive-document-create',
      { title: String(req.body?.title ?? '') },
      () => service.create(req.body, who),
    );
    res.status(201).json(document);
  });

  router.get('/documents/:id', async (req, res) => {
    res.json(await service.get(req.params.id, await caller(req)));
  });

  router.patch('/documents/:id', async (req, res) => {
    const who = await caller(req);
    const document = await audited(
      req,
      'archive-document-update',
      { documentId: req.params.id },
      () => service.update(req.params.id, req.body, who),
    );
    res.json(document);
  });

  router.post('/documents/:id/versions', async (req, res) => {
    const who = await caller(req);
    const version = await audited(
      req,
      'archive-version-upload',
      { documentId: req.params.id },
      () =>
        service.upload(
          req.params.id,
          { headers: req.headers, body: rawBody(req, res, maxFileMb) },
          who,
        ),
    );
    res.status(201).json(version);
  });

  router.get('/documents/:id/versions/:version/file', async (req, res) => {
    const who = await caller(req);
    const file = await audited(
      req,
      'archive-download',
      { documentId: req.params.id, version: req.params.version },
      () => service.download(req.params.id, req.params.version, who),
    );
    res.setHeader('Content-Type', file.mediaType);
    res.setHeader('Content-Length', String(file.content.length));
    res.setHeader(
      'Content-Disposition',
      `attachment; filename*=UTF-8''${encodeURIComponent(
        file.version.fileName,
      )}`,
    );
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('ETag', `"${file.version.sha256}"`);
    res.end(file.content);
  });

  router.post('/volumes', async (req, res) => {
    const who = await caller(req);
    const { created, result } = await audited(
      req,
      'archive-volume-compile',
      {
        year: Number(req.body?.year) || null,
        quarter: Number(req.body?.quarter) || null,
        dryRun: req.body?.dryRun === true,
      },
      () => service.compileVolume(req.body, who),
    );
    res.status(created ? 201 : 200).json(result);
  });

  router.post('/drafts', async (req, res) => {
    const who = await caller(req);
    const document = await audited(
      req,
      'archive-draft-create',
      { kind: String(req.body?.kind ?? '') },
      () => service.createDraft(req.body, who),
    );
    res.status(201).json(document);
  });

  return router;
}
