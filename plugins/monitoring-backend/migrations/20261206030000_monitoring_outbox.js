/**
 * The filing outbox: the receivers answer after recording a delivery, and a
 * worker files each queued incident (fingerprint, episode) through the
 * tickets API, at least once; the ticket's sourceRef makes it exactly one.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('monitoring_outbox', table => {
    table.string('fingerprint', 255).notNullable();
    table.integer('episode').notNullable();
    table.text('link').nullable();
    table.string('queued_at', 40).notNullable();
    // Claimable from this instant on: a claim's lease, or a failed try's back-off, moves it.
    table.string('due_at', 40).notNullable();
    table.integer('attempts').notNullable().defaultTo(0);
    table.primary(['fingerprint', 'episode']);
    table.index(['due_at'], 'monitoring_outbox_due_idx');
  });
  // Incidents a delivery was filing synchronously when this was deployed.
  const pending = await knex('monitoring_alerts')
    .whereNull('ticket_number')
    .whereNotNull('entity_ref')
    .whereNull('storm_id')
    .whereNotNull('filing_since')
    .select('fingerprint', 'episode', 'filing_since');
  for (const row of pending) {
    await knex('monitoring_outbox').insert({
      fingerprint: row.fingerprint,
      episode: row.episode,
      link: null,
      queued_at: row.filing_since,
      due_at: row.filing_since,
      attempts: 0,
    });
  }
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('monitoring_outbox');
};
