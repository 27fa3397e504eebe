import { AuditorService, HttpAuthService } from '@backstage/backend-plugin-api';
import { InputError } from '@backstage/errors';
import { JsonObject } from '@backstage/types';
import express, { NextFunction, Request, Response } from 'express';
import Router from 'express-promise-router';
import { Caller } from './caller';

/**
 * What every court family's router starts from. `A` is what the family's
 * service authorizes: a permission, or the family's own name for an action.
 */
export interface CourtRouter<A = never> {
  /** JSON bodies up to the limit; bad or oversized bodies are a 400 naming `body`. */
  readonly router: express.Router;
  /** The request's user or service credentials; 401 without them. */
  caller(req: Request): Promise<Caller>;
  /**
   * The caller, once the service allows `action`: a caller without it gets
   * 403 before any 400 that would describe the expected input.
   */
  allowed(req: Request, action: A): Promise<Caller>;
  /**
   * Runs a change under an audit event (who, what, outcome): success with
   * its meta, or failure with the error, which is rethrown.
   */
  audited<T>(
    req: Request,
    eventId: string,
    meta: JsonObject,
    change: () => Promise<T>,
  ): Promise<T>;
}

/**
 * The router setup shared by the court's backend families: body parsing with
 * a limit, body errors mapped to 400s, the caller and the audit wrapper.
 * Routes are added to `router`; permissions are checked in the services,
 * `allowed` asks the service's `authorize` before a route reads its input.
 */
export function createCourtRouter<A = never>(options: {
  httpAuth: HttpAuthService;
  auditor: AuditorService;
  /** The largest JSON body accepted, in kB. */
  bodyLimitKb: number;
  /** The service's check: throws `NotAllowedError` unless the caller may. */
  authorize: (action: A, caller: Caller) => Promise<void>;
  /**
   * Called after every audited change that succeeded, before its answer is sent: where other
   * plugins keep answers of this family, it tells them theirs are stale.
   */
  changed?: (eventId: string) => void;
}): CourtRouter<A> {
  const { httpAuth, auditor, bodyLimitKb, authorize, changed } = options;
  const caller = (req: Request): Promise<Caller> =>
    httpAuth.credentials(req, { allow: ['user', 'service'] });
  const router = Router();
  router.use(express.json({ limit: `${bodyLimitKb}kb` }));
  // Say which part of the request is wrong, as for every other bad input.
  router.use(
    (
      error: { type?: string },
      _req: Request,
      _res: Response,
      next: NextFunction,
    ) => {
      if (error.type === 'entity.parse.failed') {
        next(new InputError('body: is not valid JSON (an object is expected)'));
      } else if (error.type === 'entity.too.large') {
        next(new InputError(`body: is larger than ${bodyLimitKb} kB`));
      } else {
        next(error);
      }
    },
  );

  return {
    router,
    caller,
    async allowed(req, action) {
      const credentials = await caller(req);
      await authorize(action, credentials);
      return credentials;
    },
    async audited(req, eventId, meta, change) {
      const event = await auditor.createEvent({
        eventId,
        severityLevel: 'medium',
        request: req,
        meta,
      });
      try {
        const result = await change();
        await event.success({ meta });
        changed?.(eventId);
        return result;
      } catch (error) {
        await event.fail({ error: error as Error, meta });
        throw error;
      }
    },
  };
}
