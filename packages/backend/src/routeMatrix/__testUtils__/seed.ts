import request from 'supertest';
import { as } from '@internal/plugin-court-node/testUtils';

/**
 * A JSON answer of one of many plugins' APIs, read by field name where a call needs an id or a
 * version from it; a wrong name makes the call that uses it fail, which the test reports.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Answer = any;

/**
 * Data for the audit completeness test, made through the plugins' own APIs in the test backend
 * (never written into their tables), so every valid call finds what it names.
 */
export class Seed {
  #sequence = 0;

  constructor(private readonly server: unknown) {}

  /** Calls the API as `user` and returns the answer; anything but 2xx throws with the answer. */
  async call(
    user: string,
    method: 'get' | 'post' | 'put' | 'patch' | 'delete',
    path: string,
    body?: object,
  ): Promise<Answer> {
    const req = request(this.server as Parameters<typeof request>[0])
      [method](path)
      .set('authorization', as(user));
    const res = body === undefined ? await req : await req.send(body);
    if (res.status >= 300) {
      throw new Error(
        `seeding ${method.toUpperCase()} ${path} as ${user}: ${
          res.status
        } ${JSON.stringify(res.body)}`,
      );
    }
    return res.body;
  }

  /** A number no other seeded record of this run uses (titles, keys, names). */
  next(): number {
    this.#sequence += 1;
    return this.#sequence;
  }
}
