// @ts-check

/**
 * The document archive: documents with their numbers, their links, the files
 * of their versions (in the database, so every replica sees the same bytes),
 * the number sequences and the search index. Instants are ISO 8601 UTC
 * strings of fixed width, dates ISO dates, so they compare the same on SQLite
 * and PostgreSQL.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('archive_number_sequences', table => {
    table.string('document_class', 20).notNullable();
    table.integer('year').notNullable();
    table.integer('last_sequence').notNullable();
    table.primary(['document_class', 'year']);
  });
  await knex.schema.createTable('archive_documents', table => {
    table.string('id', 36).primary();
    table.string('number', 20).notNullable().unique();
    table.string('document_class', 20).notNullable();
    table.integer('year').notNullable();
    table.integer('sequence').notNullable();
    table.unique(['document_class', 'year', 'sequence']);
    table.string('title', 300).notNullable();
    table.string('sub_class', 60).nullable();
    table.string('date', 10).notNullable();
    table.string('source', 20).notNullable();
    table.string('confidentiality', 20).notNullable();
    table.integer('retention_years').nullable();
    // Filed by the portal itself: each source exactly once, whichever replica is first.
    table.string('source_key', 200).nullable().unique();
    table.string('created_by', 255).notNullable();
    table.string('created_at', 24).notNullable();
    table.string('updated_at', 24).notNullable();
    table.integer('revision').notNullable();
    table.index(['date', 'number'], 'archive_documents_date_idx');
    table.index(['document_class', 'date'], 'archive_documents_class_idx');
  });
  await knex.schema.createTable('archive_document_links', table => {
    table
      .string('document_id', 36)
      .notNullable()
      .references('id')
      .inTable('archive_documents')
      .onDelete('CASCADE');
    // system | entity | ticket | reader
    table.string('kind', 10).notNullable();
    table.string('ref', 255).notNullable();
    table.primary(['document_id', 'kind', 'ref']);
    table.index(['kind', 'ref'], 'archive_document_links_ref_idx');
  });
  await knex.schema.createTable('archive_document_versions', table => {
    table
      .string('document_id', 36)
      .notNullable()
      .references('id')
      .inTable('archive_documents')
      .onDelete('CASCADE');
    table.integer('version').notNullable();
    // Two uploads racing for the same version: the second insert fails here.
    table.primary(['document_id', 'version']);
    table.string('file_name', 200).notNullable();
    table.string('kind', 10).notNullable();
    table.bigInteger('bytes').notNullable();
    table.string('sha256', 64).notNullable();
    table.integer('pages').nullable();
    table.string('uploaded_by', 255).notNullable();
    table.string('uploaded_at', 24).notNullable();
    table.string('note', 500).nullable();
    // A retried request (the scaffolder task id) never adds a second version.
    table.string('request_key', 200).nullable();
    table.unique(['document_id', 'request_key']);
    // bytea on PostgreSQL, BLOB on SQLite; never changed once written.
    table.binary('content').notNullable();
  });
  await knex.schema.createTable('archive_search_terms', table => {
    table
      .string('document_id', 36)
      .notNullable()
      .references('id')
      .inTable('archive_documents')
      .onDelete('CASCADE');
    table.string('term', 64).notNullable();
    // (term, document) unique, so a document's count is its matched terms.
    table.primary(['term', 'document_id']);
    table.index(['document_id'], 'archive_search_terms_document_idx');
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('archive_search_terms');
  await knex.schema.dropTable('archive_document_versions');
  await knex.schema.dropTable('archive_document_links');
  await knex.schema.dropTable('archive_documents');
  await knex.schema.dropTable('archive_number_sequences');
};
