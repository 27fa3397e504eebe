/**
 * The events an alert writes on its ticket after it happened (cleared,
 * flapping): recorded in the transaction that decided them, and claimed by
 * whoever writes them (the delivery, or the filer once the ticket exists),
 * so each is written exactly once whatever the interleaving.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('monitoring_notes', table => {
    table.string('fingerprint', 255).notNullable();
    table.integer('episode').notNullable();
    // cleared | flapping
    table.string('kind', 20).notNullable();
    // Which one: fire-<n> for the clearing of the episode's nth firing; once for flapping.
    table.string('occurrence', 40).notNullable();
    table.text('body').notNullable();
    table.string('decided_at', 40).notNullable();
    // Set by the one writer that claimed it.
    table.string('noted_at', 40).nullable();
    table.primary(['fingerprint', 'episode', 'kind', 'occurrence']);
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('monitoring_notes');
};
