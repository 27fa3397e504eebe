/**
 * Retries `check` until it passes (up to 5 s), and answers what it returned: for what a backend
 * does after it has answered (an outbox's delivery, a filer's ticket), polled for, not slept on.
 */
export async function eventually<T>(check: () => T | Promise<T>): Promise<T> {
  for (let tries = 1; ; tries++) {
    try {
      return await check();
    } catch (error) {
      if (tries >= 200) throw error;
    }
    await new Promise(resolve => setTimeout(resolve, 25));
  }
}
