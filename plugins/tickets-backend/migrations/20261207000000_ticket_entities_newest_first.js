// @ts-check

/**
 * A device's or system's tickets, newest first, straight from an index. The
 * queue filtered by a device used to fetch every ticket of that device and
 * sort them (5,303 for the busiest device of the 100,000-ticket benchmark);
 * with the ticket's creation instant beside each link (it never changes), the
 * list walks (entity_ref, ticket_created_at, ticket_id) backwards and stops at
 * the page's end. These indexes start with the columns the single-column ones
 * indexed, which they replace.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('ticket_entities', table => {
    table.string('ticket_created_at', 24).nullable();
  });
  await knex('ticket_entities').update({
    ticket_created_at: knex('tickets')
      .select('created_at')
      .where('tickets.id', knex.ref('ticket_entities.ticket_id')),
  });
  await knex.schema.alterTable('ticket_entities', table => {
    table.dropIndex(['entity_ref'], 'ticket_entities_entity_idx');
    table.dropIndex(['system_ref'], 'ticket_entities_system_idx');
    table.index(
      ['entity_ref', 'ticket_created_at', 'ticket_id'],
      'ticket_entities_entity_created_idx',
    );
    table.index(
      ['system_ref', 'ticket_created_at', 'ticket_id'],
      'ticket_entities_system_created_idx',
    );
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.alterTable('ticket_entities', table => {
    table.dropIndex(
      ['system_ref', 'ticket_created_at', 'ticket_id'],
      'ticket_entities_system_created_idx',
    );
    table.dropIndex(
      ['entity_ref', 'ticket_created_at', 'ticket_id'],
      'ticket_entities_entity_created_idx',
    );
    table.index(['entity_ref'], 'ticket_entities_entity_idx');
    table.index(['system_ref'], 'ticket_entities_system_idx');
  });
  await knex.schema.alterTable('ticket_entities', table => {
    table.dropColumn('ticket_created_at');
  });
};
