import fc from 'fast-check';
import { createHash } from 'node:crypto';
import {
  AuditRowContent,
  CHAIN_START,
  ChainRow,
  CHECKPOINT_EVENT_ID,
  canonicalJson,
  sealRow,
  sealRows,
  verifyChain,
} from './chain';

const sha256 = (text: string) =>
  createHash('sha256').update(text, 'utf8').digest('hex');

const nullable = (arb: fc.Arbitrary<string>) => fc.option(arb, { nil: null });

const content: fc.Arbitrary<AuditRowContent> = fc.record({
  kind: fc.constant('event' as const),
  occurredAt: fc
    .integer({ min: 1_700_000_000_000, max: 1_900_000_000_000 })
    .map(ms => new Date(ms).toISOString()),
  plugin: fc.constantFrom('tickets', 'catalog', 'archive', 'permission'),
  eventId: fc.constantFrom('ticket-create', 'entity-mutate', 'policy-decision'),
  severity: fc.constantFrom('low', 'medium', 'high'),
  outcome: fc.constantFrom('initiated', 'succeeded', 'failed'),
  actor: nullable(fc.constantFrom('user:default/lina', 'plugin:tickets')),
  target: nullable(fc.string({ maxLength: 20 })),
  method: nullable(fc.constantFrom('POST', 'PATCH')),
  url: nullable(fc.string({ maxLength: 30 })),
  ip: nullable(fc.constantFrom('10.1.2.3', '::1')),
  meta: nullable(
    fc.dictionary(fc.string({ maxLength: 5 }), fc.string()).map(canonicalJson),
  ),
  error: nullable(fc.string({ maxLength: 20 })),
});

/** A sealed chain of 2..30 rows. */
const chain = fc
  .array(content, { minLength: 2, maxLength: 30 })
  .map(rows => sealRows(CHAIN_START, rows, sha256));

const headOf = (rows: readonly ChainRow[]) => rows[rows.length - 1];

/** A field's value changed to something else of the same kind. */
const FIELDS = [
  'occurredAt',
  'plugin',
  'eventId',
  'severity',
  'outcome',
  'actor',
  'target',
  'method',
  'url',
  'ip',
  'meta',
  'error',
] as const;

describe('the audit hash chain', () => {
  it('verifies a chain as written, and names its head', () => {
    fc.assert(
      fc.property(chain, rows => {
        const verdict = verifyChain(rows, sha256, headOf(rows));
        expect(verdict).toEqual({
          ok: true,
          rows: rows.length,
          head: { seq: rows.length, hash: headOf(rows).hash },
        });
      }),
    );
  });

  it('names the altered row when any field of any row is changed', () => {
    fc.assert(
      fc.property(
        chain,
        fc.nat(),
        fc.constantFrom(...FIELDS),
        fc.string({ minLength: 1, maxLength: 8 }),
        (rows, at, field, suffix) => {
          const i = at % rows.length;
          const altered = rows.map(r => ({ ...r }));
          (altered[i] as Record<string, unknown>)[field] = `${String(
            rows[i][field],
          )}${suffix}`;
          const verdict = verifyChain(altered, sha256, headOf(rows));
          expect(verdict).toMatchObject({ ok: false, firstBadSeq: i + 1 });
        },
      ),
    );
  });

  it('finds a row changed and re-hashed: the next row no longer links to it', () => {
    fc.assert(
      fc.property(chain, fc.nat(), (rows, at) => {
        const i = at % (rows.length - 1);
        const altered = [...rows];
        altered[i] = sealRow(
          { seq: i, hash: rows[i].prevHash },
          { ...rows[i], actor: 'user:default/someone-else' },
          sha256,
        );
        if (altered[i].hash === rows[i].hash) return; // the actor was that already
        const verdict = verifyChain(altered, sha256, headOf(rows));
        expect(verdict).toMatchObject({ ok: false, firstBadSeq: i + 2 });
      }),
    );
  });

  it('names the deleted row, wherever it was (the last one through the recorded head)', () => {
    fc.assert(
      fc.property(chain, fc.nat(), (rows, at) => {
        const i = at % rows.length;
        const rest = rows.filter((_, j) => j !== i);
        const verdict = verifyChain(rest, sha256, headOf(rows));
        expect(verdict).toMatchObject({ ok: false, firstBadSeq: i + 1 });
      }),
    );
  });

  it('names the first moved row when rows are reordered', () => {
    fc.assert(
      fc.property(chain, fc.nat(), fc.nat(), (rows, a, b) => {
        const i = a % rows.length;
        const j = b % rows.length;
        fc.pre(i !== j);
        const moved = [...rows];
        [moved[i], moved[j]] = [moved[j], moved[i]];
        const verdict = verifyChain(moved, sha256, headOf(rows));
        expect(verdict).toMatchObject({
          ok: false,
          firstBadSeq: Math.min(i, j) + 1,
        });
      }),
    );
  });

  it('names the first bad row when seq numbers are rewritten to hide a deletion', () => {
    fc.assert(
      fc.property(chain, fc.nat(), (rows, at) => {
        const i = at % (rows.length - 1);
        const renumbered = rows
          .filter((_, j) => j !== i)
          .map((r, j) => ({ ...r, seq: j + 1 }));
        const verdict = verifyChain(renumbered, sha256);
        expect(verdict).toMatchObject({ ok: false, firstBadSeq: i + 1 });
      }),
    );
  });

  it('stays verifiable after a retention checkpoint pruned the oldest rows, and names rows deleted past it', () => {
    fc.assert(
      fc.property(chain, fc.nat(), fc.nat(), (rows, cut, extra) => {
        const through = 1 + (cut % (rows.length - 1));
        const checkpoint = sealRow(
          headOf(rows),
          {
            ...rows[0],
            kind: 'checkpoint',
            plugin: 'audit',
            eventId: CHECKPOINT_EVENT_ID,
            meta: canonicalJson({
              through,
              hash: rows[through - 1].hash,
              pruned: through,
            }),
          },
          sha256,
        );
        const kept = [...rows.slice(through), checkpoint];
        expect(verifyChain(kept, sha256, checkpoint)).toMatchObject({
          ok: true,
          rows: kept.length,
        });
        // One more row deleted at the start than the checkpoint accounts for.
        const more = 1 + (extra % (kept.length - 1));
        const tooFew = kept.slice(more);
        expect(verifyChain(tooFew, sha256, checkpoint)).toMatchObject({
          ok: false,
          firstBadSeq: through + 1,
        });
      }),
    );
  });

  it('hashes meta by its canonical text: the same object in any key order', () => {
    expect(
      canonicalJson({ b: 1, a: { d: [2, { z: 1, y: 2 }], c: null } }),
    ).toBe('{"a":{"c":null,"d":[2,{"y":2,"z":1}]},"b":1}');
  });
});
