// @ts-check

/**
 * Years of the official schedule entered in the portal, every save a new
 * version, and the days the missing-year warning went out. Instants are ISO
 * 8601 UTC strings of fixed width, so they compare the same on SQLite and
 * PostgreSQL.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('calendar_year_versions', table => {
    table.integer('year').notNullable();
    table.integer('version').notNullable();
    // Two replicas saving the same version: the second insert fails here.
    table.primary(['year', 'version']);
    table.text('schedule').notNullable(); // JSON YearSchedule
    table.string('saved_at', 24).notNullable();
    table.string('saved_by', 255).notNullable();
    table.string('comment', 200).nullable();
  });
  await knex.schema.createTable('calendar_warnings', table => {
    // One warning per court day, whichever replica claims it first.
    table.string('day', 10).primary();
    table.integer('year').notNullable();
    table.string('sent_at', 24).notNullable();
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('calendar_warnings');
  await knex.schema.dropTable('calendar_year_versions');
};
