// @ts-check

/**
 * Changes (CHG) in the ticket family: their own data beside the `tickets`
 * row (type `change`), the parameter edits they carry, the device parameter
 * register those edits are applied to (CAT-4), and change freeze periods.
 * Instants are fixed-width ISO 8601 UTC strings, as in the first migration.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('ticket_changes', table => {
    table
      .string('ticket_id', 36)
      .primary()
      .references('id')
      .inTable('tickets')
      .onDelete('CASCADE');
    table.boolean('emergency').notNullable();
    table.text('reason').notNullable();
    table.string('trial_impact', 16).notNullable();
    table.string('rollback_difficulty', 16).notNullable();
    table.boolean('tested_in_simulation').notNullable();
    table.string('risk_level', 8).notNullable();
    table.text('rollback_plan').notNullable();
    table.string('window_start', 24).notNullable();
    table.string('window_end', 24).notNullable();
    // How it ended; registered up front for an emergency change.
    table.string('outcome', 16).nullable();
    // A software release's analysis, trial and simulation test (JSON).
    table.text('release').nullable();
    table.string('decided_by', 255).nullable();
    table.string('decided_at', 24).nullable();
    table.text('decision_comment').nullable();
    table.boolean('freeze_exception').notNullable();
    table.string('started_at', 24).nullable();
    table.string('finished_at', 24).nullable();
    table.index(['window_start', 'window_end'], 'ticket_changes_window_idx');
    table.index(['finished_at'], 'ticket_changes_finished_idx');
  });

  await knex.schema.createTable('change_parameter_edits', table => {
    table
      .string('ticket_id', 36)
      .notNullable()
      .references('id')
      .inTable('tickets')
      .onDelete('CASCADE');
    table.integer('position').notNullable();
    table.string('device_ref', 255).notNullable();
    table.string('parameter', 100).notNullable();
    table.text('old_value').notNullable();
    table.text('new_value').notNullable();
    table.string('applied_at', 24).nullable();
    table.primary(['ticket_id', 'device_ref', 'parameter']);
  });

  // The register: append-only, one row per applied edit; an edit is applied once.
  await knex.schema.createTable('device_parameter_changes', table => {
    table.bigIncrements('id').primary();
    table.string('device_ref', 255).notNullable();
    table.string('parameter', 100).notNullable();
    table.text('old_value').notNullable();
    table.text('new_value').notNullable();
    table
      .string('ticket_id', 36)
      .notNullable()
      .references('id')
      .inTable('tickets');
    table.string('change_number', 32).notNullable();
    table.string('approved_by', 255).nullable();
    table.string('approved_at', 24).nullable();
    table.string('applied_by', 255).notNullable();
    table.string('applied_at', 24).notNullable();
    table.unique(['ticket_id', 'device_ref', 'parameter'], {
      indexName: 'device_parameter_changes_edit_uq',
    });
    table.index(['device_ref', 'applied_at'], 'device_parameter_changes_idx');
  });

  await knex.schema.createTable('change_freezes', table => {
    table.string('id', 36).primary();
    table.string('title', 200).notNullable();
    table.text('reason').notNullable();
    table.string('start_at', 24).notNullable();
    table.string('end_at', 24).notNullable();
    // Entity refs it covers (JSON array); empty: the whole court.
    table.text('entity_refs').notNullable();
    table.string('created_by', 255).notNullable();
    table.string('created_at', 24).notNullable();
    table.index(['end_at'], 'change_freezes_end_idx');
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  for (const table of [
    'change_freezes',
    'device_parameter_changes',
    'change_parameter_edits',
    'ticket_changes',
  ]) {
    await knex.schema.dropTable(table);
  }
};
