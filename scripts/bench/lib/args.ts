/** The benchmarks' command line: `--name value` options and `--flag` switches. */

/** The value after `--name`, if given. */
export function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

/** A count after `--name` (`50_000` reads as 50000), else `fallback`. */
export function countArg(name: string, fallback: number): number {
  const value = arg(name);
  return value === undefined ? fallback : Number(value.replace(/_/g, ''));
}

/** Whether `--name` is on the command line. */
export function flag(name: string): boolean {
  return process.argv.includes(`--${name}`);
}

export type BenchDatabase = 'sqlite' | 'postgres';

/** `--db sqlite|postgres|both` (default both). */
export function databasesArg(): BenchDatabase[] {
  const db = arg('db') ?? 'both';
  if (db === 'both') return ['sqlite', 'postgres'];
  if (db !== 'sqlite' && db !== 'postgres') {
    throw new Error(`--db must be sqlite, postgres or both, not ${db}`);
  }
  return [db];
}
