// @ts-check

/**
 * The tickets outbox (court-node's LeasedOutbox): what a filing announces, written in the
 * filing's transaction and delivered after it, on whichever replica claims it first.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('ticket_outbox', table => {
    table.comment('Announcements of committed ticket changes, until delivered');
    table
      .string('id', 200)
      .primary()
      .comment('Unique per announcement, e.g. ticket:<id>:created');
    table.text('payload').notNullable().comment('The announcement, JSON');
    table
      .string('due_at', 40)
      .notNullable()
      .comment(
        'UTC ISO instant it is due: when queued, the end of a claim, or a retry',
      );
    table.integer('attempts').notNullable().defaultTo(0);
    table.index(['due_at'], 'ticket_outbox_due_idx');
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('ticket_outbox');
};
