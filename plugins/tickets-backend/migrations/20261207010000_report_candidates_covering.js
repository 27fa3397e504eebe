// @ts-check

/**
 * The report's candidate tickets (TicketFiguresStore) read from these indexes
 * alone: a clock stopped or breached in a period, and a resolution,
 * reopening, call-back or filing in it, each give the ticket id with the
 * instant. Without the id in the index every entry found was a table read
 * (a month: about 26,000 of them); the new indexes replace the ones they extend.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('ticket_clocks', table => {
    table.dropIndex(['stopped_at'], 'ticket_clocks_stopped_idx');
    table.dropIndex(['breached_at'], 'ticket_clocks_breached_idx');
    table.index(
      ['stopped_at', 'ticket_id'],
      'ticket_clocks_stopped_ticket_idx',
    );
    table.index(
      ['breached_at', 'ticket_id'],
      'ticket_clocks_breached_ticket_idx',
    );
  });
  await knex.schema.alterTable('ticket_events', table => {
    table.dropIndex(['type', 'at'], 'ticket_events_type_at_idx');
    table.index(
      ['type', 'at', 'ticket_id'],
      'ticket_events_type_at_ticket_idx',
    );
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.alterTable('ticket_events', table => {
    table.dropIndex(
      ['type', 'at', 'ticket_id'],
      'ticket_events_type_at_ticket_idx',
    );
    table.index(['type', 'at'], 'ticket_events_type_at_idx');
  });
  await knex.schema.alterTable('ticket_clocks', table => {
    table.dropIndex(
      ['breached_at', 'ticket_id'],
      'ticket_clocks_breached_ticket_idx',
    );
    table.dropIndex(
      ['stopped_at', 'ticket_id'],
      'ticket_clocks_stopped_ticket_idx',
    );
    table.index(['breached_at'], 'ticket_clocks_breached_idx');
    table.index(['stopped_at'], 'ticket_clocks_stopped_idx');
  });
};
