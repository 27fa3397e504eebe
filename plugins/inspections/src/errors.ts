import { ResponseError } from '@backstage/errors';

export { messageOf } from '@internal/plugin-court-react';

export function isForbidden(error: unknown): boolean {
  return ResponseError.is(error) && error.statusCode === 403;
}
