import { ResponseError } from '@backstage/errors';

/** Anything thrown, as an Error. */
export function toError(error: unknown): Error {
  return error instanceof Error ? error : new Error(String(error));
}

/** The backend refused a stale `version`: someone else saved first. */
export function isConflict(error: unknown): boolean {
  return ResponseError.is(error) && error.statusCode === 409;
}

/** The server's own message rather than "Request failed with 400 Bad Request". */
export function messageOf(error: unknown): string {
  return ResponseError.is(error) ? error.cause.message : toError(error).message;
}
