/**
 * A bounded map of values that each expire at their own instant, for the backend's caches of
 * plugin tokens and permission decisions. At the bound the oldest entry is forgotten first (a
 * Map keeps insertion order); an expired entry is forgotten when it is next asked for.
 *
 * `now` is the wall clock unless a test gives one: what expires here are tokens, whose expiry
 * the libraries that check them read from the process's wall clock, not the court's clock.
 */
export class ExpiringEntries<T> {
  private readonly entries = new Map<
    string,
    { value: T; expiresAtMs: number }
  >();

  constructor(
    private readonly maxEntries: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** The value while `now` is more than `marginMs` before its expiry. */
  get(key: string, marginMs = 0): T | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (entry.expiresAtMs - this.now() > marginMs) return entry.value;
    this.entries.delete(key);
    return undefined;
  }

  set(key: string, value: T, expiresAtMs: number): void {
    this.entries.delete(key);
    if (this.entries.size >= this.maxEntries) {
      this.entries.delete(this.entries.keys().next().value!);
    }
    this.entries.set(key, { value, expiresAtMs });
  }
}
