// @ts-check

/**
 * An idempotency key from the system that filed the ticket (an inspection
 * result, an alert): filing again with it returns the first ticket.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('tickets', table => {
    table.string('source_ref', 255).nullable().unique('tickets_source_ref_uq');
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.alterTable('tickets', table => {
    table.dropUnique(['source_ref'], 'tickets_source_ref_uq');
  });
  // In place: knex's dropColumn rebuilds a SQLite table, and dropping the old `tickets` would
  // cascade to every ticket's log.
  await knex.raw('alter table tickets drop column source_ref');
};
