// @ts-check

/**
 * The service desk's tables. Instants are ISO 8601 UTC strings of fixed width
 * (2026-11-27T02:10:00.000Z), so they sort and compare the same on SQLite and
 * PostgreSQL.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('tickets', table => {
    table.string('id', 36).primary();
    table.string('number', 32).notNullable().unique();
    table.string('type', 32).notNullable();
    table.string('category', 32).nullable();
    table.string('title', 200).notNullable();
    table.text('description').notNullable();
    table.string('channel', 16).notNullable();
    table.string('reporter', 255).notNullable().index();
    table.string('created_by', 255).notNullable();
    table.string('urgency', 8).notNullable();
    table.string('impact', 8).notNullable();
    table.string('level', 2).notNullable();
    table.string('status', 16).notNullable();
    table.string('pause_reason', 32).nullable();
    // Where a resumed ticket returns to.
    table.string('resume_status', 16).nullable();
    table.string('assignee', 255).nullable().index();
    table.string('group_ref', 255).nullable().index();
    table.string('policy_id', 64).notNullable();
    table.integer('policy_version').notNullable();
    table.integer('version').notNullable();
    table.string('created_at', 24).notNullable();
    table.string('updated_at', 24).notNullable();
    table.string('resolved_at', 24).nullable();
    table.string('closed_at', 24).nullable();
    table.integer('satisfaction').nullable();
    // Projections of the SLA clocks, refreshed on every change and by the
    // breach watch, for queries; the events stay the truth.
    /** When the breach watch must next look at this ticket. */
    table.string('next_wake_up_at', 24).nullable().index();
    /** Earliest due instant of a running clock; '9999…' when none runs. */
    table.string('next_due_at', 24).notNullable();
    /** When a running clock reaches the at-risk share of its target. */
    table.string('at_risk_at', 24).nullable();
    /** Earliest breach of any clock, once one has happened. */
    table.string('breached_at', 24).nullable();
    /** Lower-cased number, title and description for text search. */
    table.text('search_text').notNullable();
    table.index(['created_at', 'id'], 'tickets_created_idx');
    table.index(['status', 'created_at'], 'tickets_status_created_idx');
    table.index(['next_due_at', 'id'], 'tickets_due_idx');
    table.index(['updated_at', 'id'], 'tickets_updated_idx');
    table.index(['at_risk_at'], 'tickets_at_risk_idx');
  });

  await knex.schema.createTable('ticket_entities', table => {
    table
      .string('ticket_id', 36)
      .notNullable()
      .references('id')
      .inTable('tickets')
      .onDelete('CASCADE');
    table.string('entity_ref', 255).notNullable();
    table.string('system_ref', 255).nullable();
    table.primary(['ticket_id', 'entity_ref']);
    table.index(['entity_ref'], 'ticket_entities_entity_idx');
    table.index(['system_ref'], 'ticket_entities_system_idx');
  });

  // Append-only: rows are inserted, never updated or deleted.
  await knex.schema.createTable('ticket_events', table => {
    table.bigIncrements('id').primary();
    table
      .string('ticket_id', 36)
      .notNullable()
      .references('id')
      .inTable('tickets')
      .onDelete('CASCADE');
    table.integer('seq').notNullable();
    table.string('type', 32).notNullable();
    table.string('at', 24).notNullable();
    table.string('actor', 255).notNullable();
    table.text('data').notNullable();
    table.unique(['ticket_id', 'seq'], { indexName: 'ticket_events_seq_uq' });
  });

  await knex.schema.createTable('ticket_clocks', table => {
    table
      .string('ticket_id', 36)
      .notNullable()
      .references('id')
      .inTable('tickets')
      .onDelete('CASCADE');
    table.string('clock', 16).notNullable();
    table.string('level', 2).notNullable();
    table.string('state', 16).notNullable();
    table.bigInteger('target_ms').nullable();
    table.string('started_at', 24).nullable();
    table.string('due_at', 24).nullable();
    table.string('stopped_at', 24).nullable();
    table.string('breached_at', 24).nullable();
    table.bigInteger('elapsed_ms').notNullable();
    table.bigInteger('paused_ms').notNullable();
    table.primary(['ticket_id', 'clock']);
    table.index(['started_at'], 'ticket_clocks_started_idx');
  });

  await knex.schema.createTable('ticket_work_logs', table => {
    table.string('id', 36).primary();
    table
      .string('ticket_id', 36)
      .notNullable()
      .references('id')
      .inTable('tickets')
      .onDelete('CASCADE')
      .index();
    table.string('engineer', 255).notNullable();
    table.integer('minutes').notNullable();
    table.string('work_date', 10).notNullable();
    table.text('note').notNullable();
    table.string('logged_by', 255).notNullable();
    table.string('logged_at', 24).notNullable();
    table.index(['engineer', 'work_date'], 'ticket_work_logs_engineer_idx');
  });

  await knex.schema.createTable('ticket_links', table => {
    table
      .string('ticket_id', 36)
      .notNullable()
      .references('id')
      .inTable('tickets')
      .onDelete('CASCADE');
    table.string('kind', 16).notNullable();
    table.string('target', 200).notNullable();
    table.string('relation', 16).notNullable();
    table.string('created_by', 255).notNullable();
    table.string('created_at', 24).notNullable();
    table.primary(['ticket_id', 'kind', 'target']);
    table.index(['kind', 'target'], 'ticket_links_target_idx');
  });

  // One counter per number prefix and year (INC-2026).
  await knex.schema.createTable('ticket_sequences', table => {
    table.string('key', 16).primary();
    table.integer('last').notNullable();
  });

  // A warning or breach notified once, whichever replica saw it first.
  await knex.schema.createTable('ticket_sla_alerts', table => {
    table
      .string('ticket_id', 36)
      .notNullable()
      .references('id')
      .inTable('tickets')
      .onDelete('CASCADE');
    table.string('clock', 16).notNullable();
    table.string('kind', 16).notNullable();
    table.string('due_at', 24).notNullable();
    table.string('sent_at', 24).notNullable();
    table.primary(['ticket_id', 'clock', 'kind', 'due_at']);
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  for (const table of [
    'ticket_sla_alerts',
    'ticket_sequences',
    'ticket_links',
    'ticket_work_logs',
    'ticket_clocks',
    'ticket_events',
    'ticket_entities',
    'tickets',
  ]) {
    await knex.schema.dropTable(table);
  }
};
