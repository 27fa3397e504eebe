/**
 * A setup step's HTTP answer, or an error with the reason it failed: setup runs outside any
 * test (beforeAll), where an `expect` would not say which step broke.
 */
export function answered<R extends { status: number; body: unknown }>(
  res: R,
  status: number,
): R {
  if (res.status !== status) {
    throw new Error(
      `expected ${status}, got ${res.status}: ${JSON.stringify(res.body)}`,
    );
  }
  return res;
}
