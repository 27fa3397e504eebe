// @ts-check

/**
 * Indexes for a period's report facts (TicketFiguresStore): each fact that
 * may count in a window is found by a range on one of these instants or
 * dates, never by reading every ticket.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('ticket_events', table => {
    table.index(['type', 'at'], 'ticket_events_type_at_idx');
  });
  await knex.schema.alterTable('ticket_work_logs', table => {
    table.index(['work_date'], 'ticket_work_logs_date_idx');
  });
  await knex.schema.alterTable('ticket_clocks', table => {
    table.index(['stopped_at'], 'ticket_clocks_stopped_idx');
    table.index(['breached_at'], 'ticket_clocks_breached_idx');
  });
  await knex.schema.alterTable('ticket_changes', table => {
    table.index(['decided_at'], 'ticket_changes_decided_idx');
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.alterTable('ticket_changes', table => {
    table.dropIndex(['decided_at'], 'ticket_changes_decided_idx');
  });
  await knex.schema.alterTable('ticket_clocks', table => {
    table.dropIndex(['breached_at'], 'ticket_clocks_breached_idx');
    table.dropIndex(['stopped_at'], 'ticket_clocks_stopped_idx');
  });
  await knex.schema.alterTable('ticket_work_logs', table => {
    table.dropIndex(['work_date'], 'ticket_work_logs_date_idx');
  });
  await knex.schema.alterTable('ticket_events', table => {
    table.dropIndex(['type', 'at'], 'ticket_events_type_at_idx');
  });
};
