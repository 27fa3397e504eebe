// @ts-check

/**
 * The pre-event checklist's inspection rounds: a row per (plan, check), inserted before the
 * round is asked of inspections, so of two replicas sweeping at once only one starts it (the
 * primary key refuses the second claim). `round_id` once inspections answered, or `problem`
 * when it made none.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('duty_pre_event_rounds', table => {
    table
      .string('plan_id', 36)
      .notNullable()
      .references('id')
      .inTable('duty_major_events')
      .onDelete('CASCADE');
    table.string('check', 12).notNullable();
    table.string('started_at', 24).notNullable();
    table.string('round_id', 36).nullable();
    table.text('problem').nullable();
    table.primary(['plan_id', 'check']);
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('duty_pre_event_rounds');
};
