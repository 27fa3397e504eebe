// @ts-check

/**
 * The knowledge base's tables. Instants are ISO 8601 UTC strings of fixed
 * width, so they sort and compare the same on SQLite and PostgreSQL.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('kb_articles', table => {
    // The number in KB-00042.
    table.increments('id').primary();
    table.string('kind', 16).notNullable();
    table.string('title', 200).notNullable();
    table.text('tags').notNullable(); // JSON array
    table.string('language', 8).notNullable();
    table.string('visibility', 16).notNullable();
    table.string('owner', 255).notNullable();
    /** Repository path of a runbook file; such articles are read-only. */
    table.string('source_path', 255).nullable().unique();
    /** Hash of the file as last synced, so unchanged files cost nothing. */
    table.string('source_hash', 64).nullable();
    /** The problem ticket a known error was made from (PRB-1), once per ticket. */
    table.string('origin_ticket', 32).nullable().unique();
    table.integer('version').notNullable();
    table.string('created_at', 24).notNullable();
    table.string('created_by', 255).notNullable();
    table.string('updated_at', 24).notNullable();
    table.string('updated_by', 255).notNullable();
    // Long text last: SQLite reads the columns before it without touching
    // the overflow pages a long body takes, which ranking queries rely on.
    table.text('known_error').nullable(); // JSON of the four parts
    table.text('body').notNullable();
    table.index(['updated_at', 'id'], 'kb_articles_updated_idx');
    table.index(['kind', 'updated_at'], 'kb_articles_kind_idx');
  });

  await knex.schema.createTable('kb_article_entities', table => {
    table.integer('article_id').notNullable();
    table.string('entity_ref', 255).notNullable();
    table.primary(['entity_ref', 'article_id']);
    table.index(['article_id'], 'kb_article_entities_article_idx');
  });

  await knex.schema.createTable('kb_article_tickets', table => {
    table.integer('article_id').notNullable();
    table.string('ticket_ref', 32).notNullable();
    table.primary(['ticket_ref', 'article_id']);
    table.index(['article_id'], 'kb_article_tickets_article_idx');
  });

  /** Every save, whole, so any version can be shown, compared and restored. */
  await knex.schema.createTable('kb_article_versions', table => {
    table.integer('article_id').notNullable();
    table.integer('version').notNullable();
    table.string('author', 255).notNullable();
    table.string('at', 24).notNullable();
    table.integer('restored_from').nullable();
    table.boolean('from_file').notNullable().defaultTo(false);
    table.text('content').notNullable(); // JSON of ArticleContent
    table.primary(['article_id', 'version']);
  });

  // The inverted index: one row per term per article, weight 4 for a term
  // in the title, 2 in the tags, 1 in the text (summed). The article's kind,
  // visibility and language are repeated here (every save rewrites its
  // rows anyway), so a search filters and ranks from these rows alone and
  // reads articles only for the page it returns. A term's rows come from the
  // primary key alone: clustered on SQLite (WITHOUT ROWID), an index-only
  // scan on PostgreSQL (INCLUDE). Terms compare by code point on both
  // (COLLATE "C" on PostgreSQL: no locale rules to apply to a lookup).
  if (/^(pg|postgres)/.test(String(knex.client.config.client))) {
    await knex.raw(`
      CREATE TABLE kb_postings (
        term varchar(64) COLLATE "C" NOT NULL,
        article_id integer NOT NULL,
        weight smallint NOT NULL,
        kind varchar(16) NOT NULL,
        visibility varchar(16) NOT NULL,
        language varchar(8) NOT NULL,
        PRIMARY KEY (term, article_id) INCLUDE (weight, kind, visibility, language)
      )`);
  } else {
    await knex.raw(`
      CREATE TABLE kb_postings (
        term varchar(64) NOT NULL,
        article_id integer NOT NULL,
        weight integer NOT NULL,
        kind varchar(16) NOT NULL,
        visibility varchar(16) NOT NULL,
        language varchar(8) NOT NULL,
        PRIMARY KEY (term, article_id)
      ) WITHOUT ROWID`);
  }
  await knex.schema.alterTable('kb_postings', table => {
    table.index(['article_id'], 'kb_postings_article_idx');
  });

  /** Facts about the database itself, e.g. that the examples were seeded. */
  await knex.schema.createTable('kb_meta', table => {
    table.string('key', 64).primary();
    table.text('value').notNullable();
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  for (const table of [
    'kb_meta',
    'kb_postings',
    'kb_article_versions',
    'kb_article_tickets',
    'kb_article_entities',
    'kb_articles',
  ]) {
    await knex.schema.dropTable(table);
  }
};
