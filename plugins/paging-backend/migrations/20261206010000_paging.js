// @ts-check

/**
 * Paging: one row per event that paged (its escalation state), the outbox of
 * deliveries (one per recipient and event, claimed with a lease), and each
 * person's channel choice and quiet hours. Instants are ISO 8601 UTC strings
 * of fixed width, so they compare the same on SQLite and PostgreSQL.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('paging_pages', table => {
    table.string('id', 36).primary();
    // A second report of the same event pages nobody again.
    table.string('event_key', 300).notNullable().unique();
    table.string('ticket_id', 36).nullable();
    table.text('event').notNullable();
    table.text('tiers').notNullable();
    table.integer('first_tier').notNullable();
    table.integer('tier').notNullable();
    table.string('next_escalation_at', 24).nullable();
    table.string('status', 20).notNullable();
    table.string('acknowledged_by', 255).nullable();
    table.string('acknowledged_at', 24).nullable();
    table.string('created_at', 24).notNullable();
    table.index(
      ['status', 'next_escalation_at'],
      'paging_pages_escalation_idx',
    );
  });
  await knex.schema.createTable('paging_deliveries', table => {
    table.string('id', 36).primary();
    table
      .string('page_id', 36)
      .notNullable()
      .references('id')
      .inTable('paging_pages');
    table.integer('tier').notNullable();
    table.string('recipient', 255).notNullable();
    // At most one delivery per recipient and event, whichever replica enqueues it.
    table.unique(['page_id', 'recipient']);
    table.text('route').notNullable();
    table.integer('channel_index').notNullable();
    table.integer('attempt').notNullable();
    table.string('due_at', 24).notNullable();
    table.string('status', 20).notNullable();
    table.string('lease_owner', 36).nullable();
    table.string('lease_until', 24).nullable();
    table.string('ack_code', 16).notNullable().unique();
    table.string('reply_code', 8).notNullable().unique();
    table.text('last_error').nullable();
    table.string('sent_at', 24).nullable();
    table.string('sent_channel', 20).nullable();
    table.index(['status', 'due_at'], 'paging_deliveries_due_idx');
  });
  await knex.schema.createTable('paging_settings', table => {
    table.string('user_ref', 255).primary();
    table.text('settings').notNullable();
    table.string('updated_at', 24).notNullable();
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('paging_settings');
  await knex.schema.dropTable('paging_deliveries');
  await knex.schema.dropTable('paging_pages');
};
