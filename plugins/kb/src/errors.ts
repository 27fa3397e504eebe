import { ResponseError } from '@backstage/errors';

/** The backend refused a stale `version`: someone else saved the article first. */
export function isConflict(error: unknown): boolean {
  return ResponseError.is(error) && error.statusCode === 409;
}

/** The server's own message rather than "Request failed with 400 Bad Request". */
export function messageOf(error: unknown): string {
  if (ResponseError.is(error)) return error.cause.message;
  return error instanceof Error ? error.message : String(error);
}
