// @ts-check

/**
 * PostgreSQL: a filing's number is drawn inside its COMMIT (src/database/numbering.ts). A filing
 * is written under a provisional number, `<counter>~<22 hex digits of its id>`; this deferred
 * trigger draws the next number from that counter when the filing commits and puts it where the
 * provisional one stands: in the ticket's number and search text, and in the announcements the
 * filing queued in the outbox (ids `ticket:<id>:…`, found through a byte-order index). Drawing the
 * number locks the year's counter row until commit; drawn here, no other filing waits for a round
 * trip to the backend, where under load each one waited for a busy event loop.
 *
 * The number's form is tickets-common's `formatTicketNumber`: `<counter>-<sequence>`, the
 * sequence zero-padded to five digits (tests hold the two equal). SQLite does the same from the
 * filing's transaction (`numberFiling`), so this migration changes nothing there.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  if (!/^(pg|postgres)/.test(String(knex.client.config.client))) return;
  await knex.raw(
    'CREATE INDEX ticket_outbox_id_bytes_idx ON ticket_outbox (id text_pattern_ops)',
  );
  await knex.raw(`
    CREATE FUNCTION ticket_number_at_commit() RETURNS trigger LANGUAGE plpgsql AS $$
    DECLARE
      counter text := split_part(NEW.number, '~', 1);
      sequence bigint;
      assigned text;
      announcements text := 'ticket:' || NEW.id || ':';
    BEGIN
      INSERT INTO ticket_sequences AS s (key, last) VALUES (counter, 1)
        ON CONFLICT (key) DO UPDATE SET last = s.last + 1
        RETURNING s.last INTO sequence;
      assigned := counter || '-' || lpad(sequence::text, greatest(5, length(sequence::text)), '0');
      UPDATE tickets
        SET number = assigned,
            search_text = replace(search_text, lower(NEW.number), lower(assigned))
        WHERE id = NEW.id;
      UPDATE ticket_outbox
        SET payload = replace(payload, NEW.number, assigned)
        WHERE (id ~>=~ announcements)
          AND (id ~<~ (left(announcements, -1) || ';'));
      RETURN NULL;
    END
    $$`);
  await knex.raw(`
    CREATE CONSTRAINT TRIGGER tickets_numbered_at_commit
      AFTER INSERT ON tickets
      DEFERRABLE INITIALLY DEFERRED
      FOR EACH ROW
      WHEN (strpos(NEW.number, '~') > 0)
      EXECUTE FUNCTION ticket_number_at_commit()`);
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  if (!/^(pg|postgres)/.test(String(knex.client.config.client))) return;
  await knex.raw('DROP TRIGGER tickets_numbered_at_commit ON tickets');
  await knex.raw('DROP FUNCTION ticket_number_at_commit()');
  await knex.raw('DROP INDEX ticket_outbox_id_bytes_idx');
};
