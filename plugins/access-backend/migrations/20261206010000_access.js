// @ts-check

/**
 * Access grants, their uses (and refused attempts), engineers' records.
 * Instants are ISO 8601 UTC strings of fixed width, dates ISO dates, so they
 * compare the same on SQLite and PostgreSQL.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('access_grants', table => {
    table.string('id', 36).primary();
    table.string('entity_ref', 255).notNullable();
    table.string('owner_ref', 255).nullable();
    table.string('ticket', 30).notNullable();
    table.text('scopes').notNullable();
    table.text('reason').notNullable();
    table.string('requested_by', 255).notNullable();
    table.string('requested_at', 24).notNullable();
    table.string('starts_at', 24).notNullable();
    table.string('ends_at', 24).notNullable();
    table.string('decision', 20).notNullable();
    table.string('decided_by', 255).nullable();
    table.string('decided_at', 24).nullable();
    table.text('note').nullable();
    table.string('verification_code', 12).notNullable();
    table.integer('revision').notNullable();
    table.index(['ticket'], 'access_grants_ticket_idx');
    table.index(['entity_ref'], 'access_grants_entity_idx');
    table.index(['requested_by', 'ends_at'], 'access_grants_requester_idx');
    table.index(['owner_ref'], 'access_grants_owner_idx');
    table.index(['starts_at', 'ends_at'], 'access_grants_window_idx');
  });
  await knex.schema.createTable('access_uses', table => {
    table.string('id', 36).primary();
    table
      .string('grant_id', 36)
      .notNullable()
      .references('id')
      .inTable('access_grants')
      .onDelete('CASCADE');
    table.string('engineer', 255).notNullable();
    table.string('started_at', 24).notNullable();
    table.string('ended_at', 24).nullable();
    table.boolean('refused').notNullable();
    table.text('flag').nullable();
    table.index(['grant_id'], 'access_uses_grant_idx');
  });
  await knex.schema.createTable('access_engineers', table => {
    table.string('user_ref', 255).primary();
    table.string('name', 100).notNullable();
    table.string('employer', 200).notNullable();
    table.text('posts').notNullable();
    table.text('qualifications').notNullable();
    table.string('confidentiality_signed_on', 10).nullable();
    table.string('approved_by', 255).nullable();
    table.string('approved_at', 24).nullable();
    table.string('suspended_by', 255).nullable();
    table.string('suspended_at', 24).nullable();
    table.text('suspension_reason').nullable();
    table.integer('revision').notNullable();
    table.string('updated_at', 24).notNullable();
    table.string('updated_by', 255).notNullable();
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('access_uses');
  await knex.schema.dropTable('access_grants');
  await knex.schema.dropTable('access_engineers');
};
