// @ts-check

/**
 * What the service reports read from a ticket's log, kept on the ticket's row
 * (issue #13). A report used to fold the log of every ticket that may count in
 * a period, per request: a month's tens of thousands of entries, a third of
 * the report's database time. From here on each write folds the entries it
 * appends into these columns, in the same statement that bumps the row
 * (database/logColumns.ts); this migration folds the log written so far.
 *
 * - assignments: how many `assigned` entries;
 * - routed_at_filing: the `created` entry named an assignee or a group;
 * - arrived_at: the first `arrived` entry's instant;
 * - reopened_at: every `reopened` entry's instant, comma-separated, oldest first;
 * - known_error_article: the last `resolved` entry's knowledge article, of those
 *   that name one;
 * - called_back_at and call_back_satisfaction: the last `called-back` entry's
 *   instant and satisfaction (null when it gave none);
 * - filed_at: a change's first `submitted` entry's instant.
 */

/** How the backfill reads a log entry's JSON payload on each database. */
const SQLITE = {
  payload: 'data',
  seqKey: `substr('0000000000' || seq, -10)`,
  has: (/** @type {string} */ key) =>
    `json_type(payload, '$.${key}') is not null`,
  isText: (/** @type {string} */ key) =>
    `json_type(payload, '$.${key}') = 'text'`,
  isNumber: (/** @type {string} */ key) =>
    `json_type(payload, '$.${key}') in ('integer', 'real')`,
  text: (/** @type {string} */ key) => `json_extract(payload, '$.${key}')`,
  integer: (/** @type {string} */ value) => `cast(${value} as integer)`,
  listInOrder: (/** @type {string} */ value) =>
    `group_concat(${value}, ',' order by seq)`,
};

const POSTGRES = {
  payload: 'data::jsonb',
  seqKey: `lpad(seq::text, 10, '0')`,
  has: (/** @type {string} */ key) => `jsonb_exists(payload, '${key}')`,
  isText: (/** @type {string} */ key) =>
    `jsonb_typeof(payload -> '${key}') = 'string'`,
  isNumber: (/** @type {string} */ key) =>
    `jsonb_typeof(payload -> '${key}') = 'number'`,
  text: (/** @type {string} */ key) => `(payload ->> '${key}')`,
  integer: (/** @type {string} */ value) => `round(${value}::numeric)::integer`,
  listInOrder: (/** @type {string} */ value) =>
    `string_agg(${value}, ',' order by seq)`,
};

/** @param {import('knex').Knex} knex */
exports.up = async function up(knex) {
  await knex.schema.alterTable('tickets', table => {
    table.integer('assignments').notNullable().defaultTo(0);
    table.boolean('routed_at_filing').notNullable().defaultTo(false);
    table.string('arrived_at', 24).nullable();
    table.text('reopened_at').nullable();
    table.string('known_error_article', 255).nullable();
    table.string('called_back_at', 24).nullable();
    table.integer('call_back_satisfaction').nullable();
    table.string('filed_at', 24).nullable();
  });
  const sqlite = String(knex.client.config.client).includes('sqlite');
  const d = sqlite ? SQLITE : POSTGRES;
  // "First" and "last" are by the entry's number: the ten-digit seq prefixed to a value makes
  // min/max pick the entry, and substr cuts it off again.
  const keyed = (/** @type {string} */ type, /** @type {string} */ value) =>
    `case when type = '${type}' then ${d.seqKey} || ${value} end`;
  const fold = `
    select ticket_id,
      sum(case when type = 'assigned' then 1 else 0 end) as assignments,
      max(case when type = 'created' and (${d.has('assignee')} or ${d.has(
    'group',
  )}) then 1 else 0 end) as routed_at_filing,
      min(${keyed('arrived', 'at')}) as arrived,
      ${d.listInOrder(`case when type = 'reopened' then at end`)} as reopened,
      max(case when type = 'resolved' and ${d.isText('knowledgeArticle')}
        then ${d.seqKey} || ${d.text('knowledgeArticle')} end) as known_error,
      max(${keyed(
        'called-back',
        `at || ' ' || coalesce(case when ${d.isNumber(
          'satisfaction',
        )} then ${d.text('satisfaction')} end, '')`,
      )}) as call_back,
      min(${keyed('submitted', 'at')}) as filed
    from (
      select ticket_id, seq, type, at,
        case when type in ('created', 'resolved', 'called-back') then ${
          d.payload
        } end as payload
      from ticket_events
      where type in ('assigned', 'created', 'arrived', 'reopened', 'resolved',
        'called-back', 'submitted')
    ) entry
    group by ticket_id`;
  await knex.raw(`
    update tickets set
      assignments = f.assignments,
      routed_at_filing = ${
        sqlite ? 'f.routed_at_filing' : 'f.routed_at_filing = 1'
      },
      arrived_at = substr(f.arrived, 11),
      reopened_at = f.reopened,
      known_error_article = substr(f.known_error, 11),
      filed_at = substr(f.filed, 11),
      -- the seq (10), the instant (24), a space, then the satisfaction or nothing
      called_back_at = substr(f.call_back, 11, 24),
      call_back_satisfaction = ${d.integer(
        `nullif(substr(f.call_back, 36), '')`,
      )}
    from (${fold}) f
    where tickets.id = f.ticket_id`);
};

/**
 * ALTER TABLE … DROP COLUMN in place: knex's dropColumn rebuilds a SQLite table, and dropping
 * the old `tickets` would cascade to every ticket's log.
 *
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  for (const column of [
    'assignments',
    'routed_at_filing',
    'arrived_at',
    'reopened_at',
    'known_error_article',
    'called_back_at',
    'call_back_satisfaction',
    'filed_at',
  ]) {
    await knex.raw('alter table tickets drop column ??', [column]);
  }
};
