import type { NewTicketEvent } from './rows';
import { Knex } from 'knex';

/**
 * What the service reports read from a ticket's log, kept on its row: each write folds the
 * entries it appends into these columns, in the statement that writes the row, so a report
 * reads one row per ticket instead of folding its log (migration
 * 20261208000000_ticket_log_columns, which also says what each column holds).
 */
interface LogFoldOfEntries {
  readonly assignments: number;
  /** Set by a `created` entry. */
  readonly routedAtFiling?: boolean;
  readonly firstArrival?: string;
  readonly reopenings: readonly string[];
  /** The last resolution's known-error article, of those that name one. */
  readonly knownErrorArticle?: string;
  /** The last call-back, with its satisfaction or null. */
  readonly lastCallBack?: { at: string; satisfaction: number | null };
  readonly firstFiling?: string;
}

function fold(events: readonly NewTicketEvent[]): LogFoldOfEntries {
  let assignments = 0;
  let routedAtFiling: boolean | undefined;
  let firstArrival: string | undefined;
  const reopenings: string[] = [];
  let knownErrorArticle: string | undefined;
  let lastCallBack: LogFoldOfEntries['lastCallBack'];
  let firstFiling: string | undefined;
  for (const event of events) {
    // Read as the stored JSON reads: an undefined key is absent.
    const { data } = event;
    switch (event.type) {
      case 'assigned':
        assignments++;
        break;
      case 'created':
        routedAtFiling =
          data.assignee !== undefined || data.group !== undefined;
        break;
      case 'arrived':
        firstArrival ??= event.at;
        break;
      case 'reopened':
        reopenings.push(event.at);
        break;
      case 'resolved':
        if (typeof data.knowledgeArticle === 'string') {
          knownErrorArticle = data.knowledgeArticle;
        }
        break;
      case 'called-back':
        lastCallBack = {
          at: event.at,
          satisfaction:
            typeof data.satisfaction === 'number' ? data.satisfaction : null,
        };
        break;
      case 'submitted':
        firstFiling ??= event.at;
        break;
      default:
    }
  }
  return {
    assignments,
    routedAtFiling,
    firstArrival,
    reopenings,
    knownErrorArticle,
    lastCallBack,
    firstFiling,
  };
}

/** The log columns of a new ticket whose log is `events`. */
export function logColumnsOfNew(
  events: readonly NewTicketEvent[],
): Record<string, unknown> {
  const f = fold(events);
  return {
    assignments: f.assignments,
    routed_at_filing: f.routedAtFiling ?? false,
    arrived_at: f.firstArrival ?? null,
    reopened_at: f.reopenings.length > 0 ? f.reopenings.join(',') : null,
    known_error_article: f.knownErrorArticle ?? null,
    called_back_at: f.lastCallBack?.at ?? null,
    call_back_satisfaction: f.lastCallBack?.satisfaction ?? null,
    filed_at: f.firstFiling ?? null,
  };
}

/**
 * The log columns' update when `events` are appended to a ticket's log: expressions on the
 * row's own values, so the update needs no read and two appends never lose one another's.
 */
export function logColumnsAppended(
  db: Knex,
  events: readonly NewTicketEvent[],
): Record<string, unknown> {
  const f = fold(events);
  const columns: Record<string, unknown> = {};
  if (f.assignments > 0) {
    columns.assignments = db.raw('?? + ?', ['assignments', f.assignments]);
  }
  if (f.routedAtFiling !== undefined) {
    columns.routed_at_filing = f.routedAtFiling;
  }
  if (f.firstArrival) {
    columns.arrived_at = db.raw('coalesce(??, ?)', [
      'arrived_at',
      f.firstArrival,
    ]);
  }
  if (f.reopenings.length > 0) {
    const appended = f.reopenings.join(',');
    columns.reopened_at = db.raw(
      `case when ?? is null then ? else ?? || ',' || ? end`,
      ['reopened_at', appended, 'reopened_at', appended],
    );
  }
  if (f.knownErrorArticle !== undefined) {
    columns.known_error_article = f.knownErrorArticle;
  }
  if (f.lastCallBack) {
    columns.called_back_at = f.lastCallBack.at;
    columns.call_back_satisfaction = f.lastCallBack.satisfaction;
  }
  if (f.firstFiling) {
    columns.filed_at = db.raw('coalesce(??, ?)', ['filed_at', f.firstFiling]);
  }
  return columns;
}
