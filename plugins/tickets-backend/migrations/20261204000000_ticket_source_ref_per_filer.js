// @ts-check

/**
 * Idempotency keys are per filer: the same `source_ref` from another filer
 * is another ticket, so reusing someone's key reveals nothing about theirs.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('tickets', table => {
    table.dropUnique(['source_ref'], 'tickets_source_ref_uq');
    table.unique(['created_by', 'source_ref'], {
      indexName: 'tickets_filer_source_ref_uq',
    });
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.alterTable('tickets', table => {
    table.dropUnique(['created_by', 'source_ref'], 'tickets_filer_source_ref_uq');
    table.unique(['source_ref'], { indexName: 'tickets_source_ref_uq' });
  });
};
