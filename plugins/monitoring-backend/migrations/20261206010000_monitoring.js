/**
 * The monitoring intake: one row per alert fingerprint (its incident),
 * its firings (for flapping), storms per system, dead letters and the last
 * delivery of each source.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('monitoring_alerts', table => {
    table.string('fingerprint', 255).primary();
    table.string('source', 20).notNullable();
    // A fingerprint's incidents are numbered: a new one after its ticket was resolved.
    table.integer('episode').notNullable();
    table.string('title', 200).notNullable();
    table.text('description').notNullable();
    table.string('severity', 20).notNullable();
    table.string('status', 20).notNullable();
    table.string('ticket_number', 40).nullable();
    table.string('entity_ref', 255).nullable();
    table.string('system_ref', 255).nullable();
    table.string('host', 255).nullable();
    table.string('ip', 100).nullable();
    table.string('monitoring_id', 200).nullable();
    table.integer('occurrences').notNullable();
    table.string('first_seen', 40).notNullable();
    table.string('last_seen', 40).notNullable();
    table.string('cleared_at', 40).nullable();
    table.boolean('flapping').notNullable().defaultTo(false);
    table.string('storm_id', 300).nullable();
    // While one delivery files the ticket, its repeats do not (unless it stalled).
    table.string('filing_since', 40).nullable();
    table.index(['system_ref', 'first_seen'], 'monitoring_alerts_system_idx');
    table.index(['entity_ref'], 'monitoring_alerts_entity_idx');
  });
  await knex.schema.createTable('monitoring_fires', table => {
    table.string('fingerprint', 255).notNullable();
    table.integer('episode').notNullable();
    table.string('starts_at', 40).notNullable();
    table.primary(['fingerprint', 'episode', 'starts_at']);
  });
  await knex.schema.createTable('monitoring_storms', table => {
    // `<system ref>@<opened at>`
    table.string('id', 300).primary();
    table.string('system_ref', 255).notNullable();
    table.string('opened_at', 40).notNullable();
    table.string('last_at', 40).notNullable();
    table.integer('members').notNullable();
    table.string('ticket_number', 40).nullable();
    table.index(['system_ref', 'last_at'], 'monitoring_storms_system_idx');
  });
  await knex.schema.createTable('monitoring_dead_letters', table => {
    table.increments('id');
    table.string('source', 20).notNullable();
    table.string('received_at', 40).notNullable();
    table.text('error').notNullable();
    table.text('body').notNullable();
  });
  await knex.schema.createTable('monitoring_sources', table => {
    table.string('source', 20).primary();
    table.string('last_delivery_at', 40).nullable();
    // Since when its heartbeat is watched (the start, before any delivery).
    table.string('watched_since', 40).notNullable();
    table.string('silence_alerted_at', 40).nullable();
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  for (const table of [
    'monitoring_sources',
    'monitoring_dead_letters',
    'monitoring_storms',
    'monitoring_fires',
    'monitoring_alerts',
  ]) {
    await knex.schema.dropTable(table);
  }
};
