// @ts-check

/**
 * The duty roster: a row per month (draft or published, versioned), its shifts (versioned; a
 * null engineer is a vacancy), leave with the court's and the contractor's decisions, swaps,
 * attendance (one row per shift, so a check-in counts once) and personal calendar feeds (the
 * token's SHA-256 only). Instants are ISO 8601 UTC strings of fixed width, dates ISO dates, so
 * they compare the same on SQLite and PostgreSQL.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('duty_rosters', table => {
    table.string('month', 7).primary();
    table.string('status', 10).notNullable();
    table.integer('version').notNullable();
    table.string('generated_by', 255).notNullable();
    table.string('generated_at', 24).notNullable();
    table.string('published_by', 255).nullable();
    table.string('published_at', 24).nullable();
  });
  await knex.schema.createTable('duty_shifts', table => {
    table.string('id', 80).primary();
    table
      .string('month', 7)
      .notNullable()
      .references('month')
      .inTable('duty_rosters')
      .onDelete('CASCADE');
    table.string('date', 10).notNullable();
    table.string('kind', 10).notNullable();
    table.string('post', 31).nullable();
    table.string('engineer', 255).nullable();
    table.string('starts_at', 24).notNullable();
    table.string('ends_at', 24).notNullable();
    table.integer('version').notNullable();
    table.index(['month', 'date'], 'duty_shifts_month_idx');
    // "Who is on call now" reads the shifts started within a day before the instant.
    table.index(['starts_at'], 'duty_shifts_starts_idx');
    table.index(['engineer', 'starts_at'], 'duty_shifts_engineer_idx');
  });
  await knex.schema.createTable('duty_leave', table => {
    table.string('id', 36).primary();
    table.string('engineer', 255).notNullable();
    table.string('from_date', 10).notNullable();
    table.string('to_date', 10).notNullable();
    table.text('reason').notNullable();
    table.string('status', 10).notNullable();
    table.string('requested_at', 24).notNullable();
    for (const side of ['court', 'contractor']) {
      table.boolean(`${side}_approved`).nullable();
      table.string(`${side}_by`, 255).nullable();
      table.string(`${side}_at`, 24).nullable();
      table.text(`${side}_reason`).nullable();
    }
    table.integer('version').notNullable();
    table.index(['engineer', 'from_date'], 'duty_leave_engineer_idx');
  });
  await knex.schema.createTable('duty_swaps', table => {
    table.string('id', 36).primary();
    table.string('shift_id', 80).notNullable();
    table.string('from_engineer', 255).notNullable();
    table.string('to_engineer', 255).notNullable();
    table.string('return_shift_id', 80).nullable();
    table.text('note').nullable();
    table.string('status', 10).notNullable();
    table.string('requested_at', 24).notNullable();
    table.string('decided_by', 255).nullable();
    table.string('decided_at', 24).nullable();
    table.text('reason').nullable();
  });
  await knex.schema.createTable('duty_attendance', table => {
    table.string('shift_id', 80).primary();
    table.string('engineer', 255).notNullable();
    table.string('checked_in_at', 24).notNullable();
    table.string('checked_out_at', 24).nullable();
    table.string('method', 10).notNullable();
  });
  await knex.schema.createTable('duty_feeds', table => {
    table.string('engineer', 255).primary();
    table.string('token_sha256', 64).notNullable().unique();
    table.string('created_at', 24).notNullable();
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  for (const table of [
    'duty_feeds',
    'duty_attendance',
    'duty_swaps',
    'duty_leave',
    'duty_shifts',
    'duty_rosters',
  ]) {
    await knex.schema.dropTable(table);
  }
};
