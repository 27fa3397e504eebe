// @ts-check

/**
 * The years whose missing official schedule held back round generation and
 * the ops managers were told of: one row per year, so of several replicas
 * only the one that inserts it sends the notification.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('inspection_uncovered_year_alerts', table => {
    table.integer('year').primary();
    table.string('notified_at', 24).notNullable();
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('inspection_uncovered_year_alerts');
};
