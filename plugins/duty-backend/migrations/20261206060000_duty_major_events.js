// @ts-check

/**
 * Major-event assurance (重点保障): a row per plan, its scope and engineers as JSON arrays (read
 * whole, never queried inside), instants as ISO 8601 UTC strings of fixed width so the window
 * compares the same on SQLite and PostgreSQL; `revision` for optimistic concurrency.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('duty_major_events', table => {
    table.string('id', 36).primary();
    table.string('title', 120).notNullable();
    table.string('kind', 12).notNullable();
    table.string('starts_at', 24).notNullable();
    table.string('ends_at', 24).notNullable();
    table.string('place', 20).notNullable();
    table.text('scope').notNullable();
    table.text('on_site').notNullable();
    table.text('standby').notNullable();
    table.text('communication_plan').notNullable();
    table.text('summary').nullable();
    table.string('summary_by', 255).nullable();
    table.string('summary_at', 24).nullable();
    table.string('created_by', 255).notNullable();
    table.string('created_at', 24).notNullable();
    table.string('updated_by', 255).notNullable();
    table.string('updated_at', 24).notNullable();
    table.integer('revision').notNullable();
    // "Which plans run at this instant" reads the plans ending after it.
    table.index(['ends_at', 'starts_at'], 'duty_major_events_window_idx');
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('duty_major_events');
};
