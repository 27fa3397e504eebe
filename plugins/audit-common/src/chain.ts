/**
 * The audit trail's hash chain (SEC-3). Each stored row carries the hash of the row before it;
 * a row's hash is SHA-256 over the previous hash and a canonical serialisation of the row. Any
 * altered, deleted or reordered row then breaks the chain at that row, which `ChainVerifier`
 * names. Pure: the hash function is given (node:crypto on the backend), so this runs anywhere.
 */

/** SHA-256 of a UTF-8 string, as 64 lower-case hex digits. */
export type Sha256 = (text: string) => string;

/** The hash the first row of a chain links to. */
export const GENESIS_HASH = '0'.repeat(64);

/** What a row says, as stored; `meta` is canonical JSON text (see `canonicalJson`). */
export interface AuditRowContent {
  readonly kind: 'event' | 'checkpoint';
  readonly occurredAt: string;
  readonly plugin: string;
  readonly eventId: string;
  readonly severity: string;
  readonly outcome: string;
  readonly actor: string | null;
  readonly target: string | null;
  readonly method: string | null;
  readonly url: string | null;
  readonly ip: string | null;
  readonly meta: string | null;
  readonly error: string | null;
}

/** A row of the chain: its place (`seq`, gapless from 1), its content and the two hashes. */
export interface ChainRow extends AuditRowContent {
  readonly seq: number;
  readonly prevHash: string;
  readonly hash: string;
}

/** Where a chain (or the next page of it) continues from: the row before, or the genesis. */
export interface ChainLink {
  readonly seq: number;
  readonly hash: string;
}

export const CHAIN_START: ChainLink = { seq: 0, hash: GENESIS_HASH };

/**
 * JSON with object keys sorted at every depth, so the same value always serialises to the same
 * text (the database may hand a JSON object back with its keys in another order).
 */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(value));
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map(key => [key, sortKeys((value as Record<string, unknown>)[key])]),
    );
  }
  return value;
}

/** The hashed text of a row: every field in a fixed order, the place and the link included. */
function serialise(seq: number, prevHash: string, row: AuditRowContent) {
  return JSON.stringify([
    seq,
    prevHash,
    row.kind,
    row.occurredAt,
    row.plugin,
    row.eventId,
    row.severity,
    row.outcome,
    row.actor,
    row.target,
    row.method,
    row.url,
    row.ip,
    row.meta,
    row.error,
  ]);
}

/** The row that follows `previous` in the chain. */
export function sealRow(
  previous: ChainLink,
  row: AuditRowContent,
  sha256: Sha256,
): ChainRow {
  const seq = previous.seq + 1;
  const hash = sha256(serialise(seq, previous.hash, row));
  return { ...row, seq, prevHash: previous.hash, hash };
}

/** Rows appended in order after `previous`. */
export function sealRows(
  previous: ChainLink,
  rows: readonly AuditRowContent[],
  sha256: Sha256,
): ChainRow[] {
  const sealed: ChainRow[] = [];
  let link = previous;
  for (const row of rows) {
    const next = sealRow(link, row, sha256);
    sealed.push(next);
    link = next;
  }
  return sealed;
}

/**
 * What a retention checkpoint records in its `meta`: the rows up to `through` were pruned, and the
 * first row kept links to `hash` (the last pruned row's hash), so the chain stays verifiable.
 */
export interface CheckpointMeta {
  readonly through: number;
  readonly hash: string;
  readonly pruned: number;
}

export const CHECKPOINT_EVENT_ID = 'retention-checkpoint';

/** A checkpoint's `meta`, or undefined for an event row or a meta that is not one. */
export function checkpointOf(row: ChainRow): CheckpointMeta | undefined {
  if (row.kind !== 'checkpoint' || !row.meta) return undefined;
  try {
    const meta = JSON.parse(row.meta) as Partial<CheckpointMeta>;
    if (
      Number.isSafeInteger(meta.through) &&
      typeof meta.hash === 'string' &&
      Number.isSafeInteger(meta.pruned)
    ) {
      return meta as CheckpointMeta;
    }
  } catch {
    // Not a checkpoint's meta: the caller treats the row as no checkpoint.
  }
  return undefined;
}

/** The verdict of a verification. */
export type ChainVerdict =
  | { readonly ok: true; readonly rows: number; readonly head: ChainLink }
  | {
      readonly ok: false;
      readonly rows: number;
      /** The first row that is wrong or missing, by its place in the chain. */
      readonly firstBadSeq: number;
      readonly reason: string;
    };

/**
 * Checks rows in chain order, one page after another, and names the first bad one. Start from
 * `CHAIN_START`, or, when the oldest rows were pruned, from the latest checkpoint's link.
 */
export class ChainVerifier {
  private link: ChainLink;
  private count = 0;
  private bad?: { seq: number; reason: string };

  constructor(start: ChainLink, private readonly sha256: Sha256) {
    this.link = start;
  }

  /** False once a bad row was found: the rest need not be read. */
  get ok(): boolean {
    return !this.bad;
  }

  push(row: ChainRow): boolean {
    if (this.bad) return false;
    const expected = this.link.seq + 1;
    this.count++;
    if (row.seq !== expected) {
      this.bad = {
        seq: expected,
        reason:
          row.seq > expected
            ? `row ${expected} is missing (row ${row.seq} comes after row ${this.link.seq})`
            : `row ${row.seq} is out of place (row ${expected} was expected)`,
      };
    } else if (row.prevHash !== this.link.hash) {
      this.bad = {
        seq: row.seq,
        reason: `row ${row.seq} does not link to row ${this.link.seq}: a row was changed, removed or moved`,
      };
    } else if (sealRow(this.link, row, this.sha256).hash !== row.hash) {
      this.bad = {
        seq: row.seq,
        reason: `row ${row.seq} was changed after it was written`,
      };
    } else {
      this.link = { seq: row.seq, hash: row.hash };
    }
    return !this.bad;
  }

  /**
   * The verdict; `head` is the last row the writers recorded, so rows removed from the end are
   * found too.
   */
  finish(head?: ChainLink): ChainVerdict {
    if (!this.bad && head && head.seq !== this.link.seq) {
      this.bad =
        head.seq > this.link.seq
          ? {
              seq: this.link.seq + 1,
              reason: `row ${
                this.link.seq + 1
              } is missing: the chain ends at row ${
                this.link.seq
              }, the writers recorded row ${head.seq}`,
            }
          : {
              seq: head.seq + 1,
              reason: `row ${head.seq + 1} was never recorded by a writer`,
            };
    }
    if (!this.bad && head && head.hash !== this.link.hash) {
      this.bad = {
        seq: head.seq,
        reason: `row ${head.seq} is not the row the writers recorded`,
      };
    }
    return this.bad
      ? { ok: false, rows: this.count, firstBadSeq: this.bad.seq, ...this.bad }
      : { ok: true, rows: this.count, head: this.link };
  }
}

/**
 * Where a chain whose oldest kept row is `first` starts: the genesis for row 1, else the latest
 * checkpoint's link (undefined when no checkpoint covers the gap: rows were deleted).
 */
export function chainStart(
  first: ChainRow | undefined,
  latestCheckpoint: ChainRow | undefined,
): ChainLink | undefined {
  if (!first || first.seq === 1) return CHAIN_START;
  const checkpoint = latestCheckpoint && checkpointOf(latestCheckpoint);
  if (checkpoint && checkpoint.through === first.seq - 1) {
    return { seq: checkpoint.through, hash: checkpoint.hash };
  }
  return undefined;
}

/** The verdict when the oldest kept row follows neither the genesis nor the latest checkpoint. */
export function unaccounted(
  first: ChainRow,
  latestCheckpoint: ChainRow | undefined,
): ChainVerdict {
  const checkpoint = latestCheckpoint && checkpointOf(latestCheckpoint);
  const missing =
    checkpoint && checkpoint.through < first.seq - 1
      ? checkpoint.through + 1
      : 1;
  return {
    ok: false,
    rows: 0,
    firstBadSeq: missing,
    reason: `row ${missing} is missing: the oldest row kept is row ${first.seq} and no checkpoint accounts for the rows before it`,
  };
}

/** Verifies a whole chain held in memory (rows in stored order). */
export function verifyChain(
  rows: readonly ChainRow[],
  sha256: Sha256,
  head?: ChainLink,
): ChainVerdict {
  const latestCheckpoint = [...rows]
    .reverse()
    .find(row => checkpointOf(row) !== undefined);
  const start = chainStart(rows[0], latestCheckpoint);
  if (!start) return unaccounted(rows[0], latestCheckpoint);
  const verifier = new ChainVerifier(start, sha256);
  for (const row of rows) {
    if (!verifier.push(row)) break;
  }
  return verifier.finish(head);
}
