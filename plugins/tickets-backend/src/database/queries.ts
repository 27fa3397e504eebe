import { InputError } from '@backstage/errors';
import { PermissionCriteria } from '@backstage/plugin-permission-common';
import {
  isAndCriteria,
  isNotCriteria,
  isOrCriteria,
} from '@backstage/plugin-permission-node';
import type { TicketQueryFilter } from '@internal/plugin-tickets-node';
import { Knex } from 'knex';

/** Query pieces shared by the family's lists (desk tickets and changes). */

const ACCESS_COLUMNS: Record<TicketQueryFilter['property'], string> = {
  reporter: 'tickets.reporter',
  assignee: 'tickets.assignee',
  group: 'tickets.group_ref',
};

/** Narrows a query on `tickets` to what a conditional permission decision allows. */
export function applyCriteria(
  qb: Knex.QueryBuilder,
  criteria: PermissionCriteria<TicketQueryFilter>,
): void {
  if (isAndCriteria(criteria)) {
    for (const sub of criteria.allOf) {
      qb.andWhere(inner => applyCriteria(inner, sub));
    }
  } else if (isOrCriteria(criteria)) {
    for (const sub of criteria.anyOf) {
      qb.orWhere(inner => applyCriteria(inner, sub));
    }
  } else if (isNotCriteria(criteria)) {
    qb.whereNot(inner => applyCriteria(inner, criteria.not));
  } else {
    const column = ACCESS_COLUMNS[criteria.property];
    if (!column) {
      throw new InputError(
        `unknown ticket filter property ${criteria.property}`,
      );
    }
    if (criteria.values.length === 0) {
      qb.whereRaw('1 = 0');
    } else {
      qb.whereIn(column, criteria.values as string[]);
    }
  }
}

export function encodeCursor(value: string, id: string): string {
  return Buffer.from(JSON.stringify([value, id])).toString('base64url');
}

export function decodeCursor(cursor: string): [string, string] {
  try {
    const parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString());
    if (
      Array.isArray(parsed) &&
      parsed.length === 2 &&
      parsed.every(p => typeof p === 'string')
    ) {
      return [parsed[0], parsed[1]];
    }
  } catch {
    // falls through to the error below
  }
  throw new InputError('query.cursor: is not a cursor this API returned');
}

/** A LIKE pattern matching `text` anywhere, with `\\` as the escape character. */
export function containsPattern(text: string): string {
  return `%${escapeLike(text.toLocaleLowerCase('zh-CN'))}%`;
}

function escapeLike(text: string) {
  return text.replace(/[\\%_]/g, c => `\\${c}`);
}
