// @ts-check

/**
 * Issued reports (frozen snapshots, one row per version), their files, and the drafts the
 * schedule prepared. Instants are ISO 8601 UTC strings of fixed width, so they compare the same
 * on SQLite and PostgreSQL.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('reports_snapshots', table => {
    table.string('id', 36).primary();
    table.string('kind', 16).notNullable();
    table.string('period_from', 10).notNullable();
    table.string('period_to', 10).notNullable();
    table.string('system_ref', 255).nullable();
    // The system ref, or `court` for the whole court: a unique key cannot rely on NULLs.
    table.string('scope', 255).notNullable();
    table.string('language', 8).notNullable();
    table.integer('version').notNullable();
    table.text('figures').notNullable(); // JSON ReportFigures
    table.text('changes_from_previous').notNullable(); // JSON FigureChange[]
    table.string('issued_by', 255).notNullable();
    table.string('issued_at', 24).notNullable();
    table.string('acknowledged_by', 255).nullable();
    table.string('acknowledged_at', 24).nullable();
    // Two replicas issuing the same version at once: the second insert fails here.
    table.unique(
      ['kind', 'period_from', 'period_to', 'scope', 'language', 'version'],
      {
        indexName: 'reports_snapshots_version_key',
      },
    );
  });
  await knex.schema.createTable('reports_files', table => {
    table
      .string('report_id', 36)
      .notNullable()
      .references('id')
      .inTable('reports_snapshots');
    table.string('name', 255).notNullable();
    table.string('media_type', 255).notNullable();
    table.integer('bytes').notNullable();
    table.string('sha256', 64).notNullable();
    table.binary('content').notNullable();
    table.primary(['report_id', 'name']);
  });
  await knex.schema.createTable('reports_drafts', table => {
    table.string('kind', 16).notNullable();
    table.string('period_from', 10).notNullable();
    table.string('period_to', 10).notNullable();
    table.text('figures').notNullable(); // JSON ReportFigures
    table.string('prepared_at', 24).notNullable();
    // One draft per period, whichever replica (or restart) claims it first.
    table.primary(['kind', 'period_from', 'period_to']);
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('reports_drafts');
  await knex.schema.dropTable('reports_files');
  await knex.schema.dropTable('reports_snapshots');
};
