// @ts-check

/**
 * Spare parts and third-party repairs. The movements are the record; the
 * stock rows and each part type's `on_hand` are their sum, updated in the
 * movement's own transaction by a conditional update, so stock never goes
 * below zero however many engineers take the last part at once. Instants are
 * ISO 8601 UTC strings of fixed width, dates ISO dates.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('spares_part_types', table => {
    table.string('id', 60).primary();
    table.string('name', 200).notNullable();
    // JSON arrays: device classes and models it fits.
    table.text('device_classes').notNullable();
    table.text('models').notNullable();
    table.integer('minimum').notNullable();
    // The sum of its stock rows; below `minimum` the ops manager is told.
    table.integer('on_hand').notNullable().defaultTo(0);
    table.integer('version').notNullable();
    table.string('updated_at', 24).notNullable();
    table.index(['on_hand', 'minimum'], 'spares_part_types_level_idx');
  });
  await knex.schema.createTable('spares_locations', table => {
    table.string('id', 60).primary();
    table.string('name', 200).notNullable();
  });
  await knex.schema.createTable('spares_vendors', table => {
    table.string('id', 60).primary();
    table.string('name', 200).notNullable();
    table.text('contacts').notNullable();
    table.string('service_hours', 200).nullable();
    table.string('response_promise', 200).nullable();
    table.integer('version').notNullable();
  });
  await knex.schema.createTable('spares_stock', table => {
    table
      .string('part_type_id', 60)
      .notNullable()
      .references('id')
      .inTable('spares_part_types');
    table
      .string('location_id', 60)
      .notNullable()
      .references('id')
      .inTable('spares_locations');
    table.integer('quantity').notNullable();
    table.primary(['part_type_id', 'location_id']);
  });
  await knex.schema.createTable('spares_movements', table => {
    table.increments('seq');
    table.string('part_type_id', 60).notNullable();
    table.string('location_id', 60).notNullable();
    // receipt | issue | return | count
    table.string('kind', 10).notNullable();
    table.integer('delta').notNullable();
    table.integer('counted').nullable();
    table.string('ticket', 30).nullable();
    table.string('change', 30).nullable();
    table.string('device_ref', 255).nullable();
    table.string('system_ref', 255).nullable();
    table.string('supplier', 200).nullable();
    table.string('reference', 200).nullable();
    table.text('reason').nullable();
    table.string('fit_warning', 500).nullable();
    table.string('actor', 255).notNullable();
    table.string('at', 24).notNullable();
    table.index(['part_type_id', 'seq'], 'spares_movements_part_idx');
    table.index(['device_ref', 'seq'], 'spares_movements_device_idx');
    table.index(['kind', 'at'], 'spares_movements_kind_at_idx');
  });
  await knex.schema.createTable('spares_repairs', table => {
    table.increments('seq');
    table.string('id', 36).notNullable().unique();
    table.string('device_ref', 255).nullable();
    table.string('part_type_id', 60).nullable();
    table.string('ticket', 30).nullable();
    table
      .string('vendor_id', 60)
      .notNullable()
      .references('id')
      .inTable('spares_vendors');
    table.string('terms', 10).notNullable();
    table.string('sent_on', 10).notNullable();
    table.string('promised_on', 10).nullable();
    table.string('rma', 100).nullable();
    table.string('loaner', 200).nullable();
    table.string('loaner_where', 200).nullable();
    table.string('returned_on', 10).nullable();
    table.string('result', 20).nullable();
    // Told once that it is overdue, whichever replica looked first.
    table.string('overdue_notified_at', 24).nullable();
    table.string('created_by', 255).notNullable();
    table.string('created_at', 24).notNullable();
    table.integer('version').notNullable();
    table.index(['returned_on', 'promised_on'], 'spares_repairs_out_idx');
    table.index(['device_ref'], 'spares_repairs_device_idx');
    table.index(['ticket'], 'spares_repairs_ticket_idx');
  });
  await knex.schema.createTable('spares_repair_updates', table => {
    table
      .string('repair_id', 36)
      .notNullable()
      .references('id')
      .inTable('spares_repairs');
    table.integer('seq').notNullable();
    table.text('note').notNullable();
    table.string('actor', 255).notNullable();
    table.string('at', 24).notNullable();
    table.primary(['repair_id', 'seq']);
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('spares_repair_updates');
  await knex.schema.dropTable('spares_repairs');
  await knex.schema.dropTable('spares_movements');
  await knex.schema.dropTable('spares_stock');
  await knex.schema.dropTable('spares_vendors');
  await knex.schema.dropTable('spares_locations');
  await knex.schema.dropTable('spares_part_types');
};
