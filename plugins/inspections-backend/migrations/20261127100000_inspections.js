// @ts-check

/**
 * The inspections tables. Dates are `YYYY-MM-DD` in the court's zone;
 * instants are ISO 8601 UTC strings of fixed width, so both sort and compare
 * as text on SQLite and PostgreSQL alike.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  // Every version of every checklist template ever loaded: rounds refer to one.
  await knex.schema.createTable('inspection_templates', table => {
    table.string('id', 64).notNullable();
    table.integer('version').notNullable();
    /** sha256 of the template's content, so an unchanged file adds no version. */
    table.string('hash', 64).notNullable();
    table.text('body').notNullable();
    table.string('loaded_at', 24).notNullable();
    table.primary(['id', 'version']);
    table.unique(['id', 'hash'], { indexName: 'inspection_templates_hash_uq' });
  });

  await knex.schema.createTable('inspection_plans', table => {
    table.string('id', 64).primary();
    table.text('body').notNullable();
    table.string('updated_at', 24).notNullable();
    table.string('updated_by', 255).notNullable();
  });

  // One walking route of one day.
  await knex.schema.createTable('inspection_rounds', table => {
    table.string('id', 36).primary();
    table.string('date', 10).notNullable();
    table.string('kind', 16).notNullable();
    table.string('team', 255).nullable();
    table.string('route_key', 16).notNullable();
    /**
     * `date|team|route` for a scheduled round, so the generator finds or
     * creates it once however often it runs; null for ad-hoc rounds.
     */
    table
      .string('schedule_key', 300)
      .nullable()
      .unique('inspection_rounds_schedule_uq');
    table.string('assignee', 255).nullable();
    table.string('created_at', 24).notNullable();
    table.string('created_by', 255).notNullable();
    table.index(['date'], 'inspection_rounds_date_idx');
  });

  // One device's checklist in a round.
  await knex.schema.createTable('inspection_checks', table => {
    table.string('id', 36).primary();
    table
      .string('round_id', 36)
      .notNullable()
      .references('id')
      .inTable('inspection_rounds')
      .onDelete('CASCADE');
    table.string('plan_id', 64).nullable();
    /** `plan|device|date`: a plan's device is checked once per due date. */
    table
      .string('occurrence_key', 400)
      .nullable()
      .unique('inspection_checks_occurrence_uq');
    table.string('device_ref', 255).notNullable();
    table.string('device_title', 255).notNullable();
    table.string('device_class', 64).notNullable();
    table.string('system_ref', 255).nullable();
    table.string('location', 32).nullable();
    table.string('route_order', 400).notNullable();
    table.string('template_id', 64).notNullable();
    table.integer('template_version').notNullable();
    table.string('due_date', 10).notNullable();
    /** Last day of the plan's period: unfinished after it is overdue. */
    table.string('due_by', 10).notNullable();
    table.string('status', 16).notNullable();
    table.string('scanned_at', 24).nullable();
    table.string('completed_at', 24).nullable();
    table.string('completed_by', 255).nullable();
    table.index(['round_id'], 'inspection_checks_round_idx');
    // Coverage adds up a period's checks per device from this index alone: it
    // holds every column the query reads, in device order, so no table rows
    // and no sort (a due_date-first index makes SQLite sort a year of checks).
    // A device's history reads its prefix.
    table.index(
      [
        'device_ref',
        'due_date',
        'status',
        'due_by',
        'plan_id',
        'system_ref',
        'device_class',
      ],
      'inspection_checks_coverage_idx',
    );
    // The overdue list: open checks past their period.
    table.index(['status', 'due_by'], 'inspection_checks_open_idx');
    table.index(['system_ref', 'due_date'], 'inspection_checks_system_idx');
  });
  if (knex.client.config.client === 'pg') {
    // A short period (a month of a year of checks) is quicker found by date.
    // PostgreSQL's planner weighs it against the coverage index with its
    // statistics; SQLite's, without statistics, would take it for a year too
    // and sort every check, so SQLite does without it.
    await knex.schema.alterTable('inspection_checks', table => {
      table.index(['due_date'], 'inspection_checks_due_idx');
    });
  }

  await knex.schema.createTable('inspection_results', table => {
    table
      .string('check_id', 36)
      .notNullable()
      .references('id')
      .inTable('inspection_checks')
      .onDelete('CASCADE');
    table.string('item_id', 64).notNullable();
    table.text('value').notNullable();
    /** The reading, for statistics without parsing JSON. */
    table.double('reading').nullable();
    table.string('choice', 64).nullable();
    table.string('verdict', 16).notNullable();
    table.string('stat', 32).nullable();
    table.text('remark').nullable();
    /** The client's key for this answer: a retried save with it is a no-op. */
    table.string('idempotency_key', 64).notNullable();
    table.string('recorded_by', 255).notNullable();
    table.string('recorded_at', 24).notNullable();
    /** The incident a failing answer opened (e.g. INC-2026-00042). */
    table.string('ticket_number', 32).nullable();
    table.primary(['check_id', 'item_id']);
    table.index(['stat', 'check_id'], 'inspection_results_stat_idx');
  });

  // Label scans on site: evidence of presence, later the arrival clock's input.
  await knex.schema.createTable('inspection_scans', table => {
    table.bigIncrements('id').primary();
    table.string('device_ref', 255).notNullable();
    table.string('check_id', 36).nullable();
    table.string('scanned_by', 255).notNullable();
    table.string('scanned_at', 24).notNullable();
    table.index(['device_ref', 'scanned_at'], 'inspection_scans_device_idx');
  });

  // How far the generator has created scheduled rounds (the catch-up start).
  await knex.schema.createTable('inspection_generation', table => {
    table.string('id', 32).primary();
    table.string('generated_through', 10).notNullable();
    table.string('updated_at', 24).notNullable();
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  for (const table of [
    'inspection_generation',
    'inspection_scans',
    'inspection_results',
    'inspection_checks',
    'inspection_rounds',
    'inspection_plans',
    'inspection_templates',
  ]) {
    await knex.schema.dropTable(table);
  }
};
