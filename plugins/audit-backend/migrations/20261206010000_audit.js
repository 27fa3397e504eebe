// @ts-check

/**
 * The audit trail: every auditor event of every plugin as one row of a hash chain (`seq` gapless
 * from 1, each row's `prev_hash` the hash of the row before), the head of the chain (the row the
 * writers last appended, also the lock that serialises appends across replicas), the daily checks
 * claimed (one replica runs each day's check) and the verifications' verdicts. Instants are
 * ISO 8601 UTC strings of fixed width, so they compare the same on SQLite and PostgreSQL.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('audit_events', table => {
    table.bigInteger('seq').primary();
    // event | checkpoint (retention)
    table.string('kind', 12).notNullable();
    table.string('occurred_at', 24).notNullable();
    table.string('plugin', 64).notNullable();
    table.string('event_id', 128).notNullable();
    table.string('severity', 16).notNullable();
    table.string('outcome', 16).notNullable();
    table.string('actor', 255).nullable();
    table.string('target', 255).nullable();
    table.string('method', 10).nullable();
    table.text('url').nullable();
    table.string('ip', 64).nullable();
    table.text('meta').nullable();
    table.text('error').nullable();
    table.string('prev_hash', 64).notNullable();
    table.string('hash', 64).notNullable();
    // The audit page lists newest first, narrowed by one of these.
    table.index(['occurred_at', 'seq'], 'audit_events_time_idx');
    table.index(['actor', 'occurred_at'], 'audit_events_actor_idx');
    table.index(['plugin', 'occurred_at'], 'audit_events_plugin_idx');
    table.index(['target', 'occurred_at'], 'audit_events_target_idx');
    table.index(['event_id', 'occurred_at'], 'audit_events_event_idx');
    table.index(['kind', 'seq'], 'audit_events_kind_idx');
  });
  await knex.schema.createTable('audit_chain_head', table => {
    table.integer('id').primary();
    table.bigInteger('last_seq').notNullable();
    table.string('last_hash', 64).notNullable();
  });
  await knex('audit_chain_head').insert({
    id: 1,
    last_seq: 0,
    last_hash: '0'.repeat(64),
  });
  await knex.schema.createTable('audit_daily_checks', table => {
    // The court day (in the configured zone) a replica claimed.
    table.string('day', 10).primary();
    table.string('claimed_at', 24).notNullable();
  });
  await knex.schema.createTable('audit_verifications', table => {
    table.increments('id');
    table.string('checked_at', 24).notNullable();
    table.string('checked_by', 255).notNullable();
    table.boolean('ok').notNullable();
    table.bigInteger('rows').notNullable();
    table.bigInteger('first_bad_seq').nullable();
    table.text('reason').nullable();
    table.bigInteger('head_seq').nullable();
    table.string('head_hash', 64).nullable();
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('audit_verifications');
  await knex.schema.dropTable('audit_daily_checks');
  await knex.schema.dropTable('audit_chain_head');
  await knex.schema.dropTable('audit_events');
};
