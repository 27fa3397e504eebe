// @ts-check

/**
 * A ticket paused "waiting for a part" names the part: a stocked part type
 * (its spares register id, and its name as it was then) or only a name. The
 * index finds the tickets waiting for a part type when a receipt of it arrives.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('tickets', table => {
    table.string('awaited_part_type_id', 100).nullable();
    table.string('awaited_part_name', 200).nullable();
    table.index(['awaited_part_type_id'], 'tickets_awaited_part_idx');
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.alterTable('tickets', table => {
    table.dropIndex(['awaited_part_type_id'], 'tickets_awaited_part_idx');
  });
  // In place: knex's dropColumn rebuilds a SQLite table, and dropping the old `tickets` would
  // cascade to every ticket's log.
  await knex.raw('alter table tickets drop column awaited_part_type_id');
  await knex.raw('alter table tickets drop column awaited_part_name');
};
