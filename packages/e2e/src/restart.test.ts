// What a user enters survives a restart: the embedded default keeps SQLite files in its data folder.
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { newDataDir, signIn, startPortal } from './portal.ts';

test('a setting saved before a restart is there after it', { timeout: 900_000 }, async () => {
  const dataDir = newDataDir();
  const value = { starred: ['resource:default/core-switch-01'], savedAt: new Date().toISOString() };

  const first = await startPortal(dataDir);
  try {
    const token = await signIn(first.baseUrl, 'lina');
    const put = await fetch(`${first.baseUrl}/api/user-settings/buckets/court-ops/keys/restart-check`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ value }),
    });
    assert.equal(put.status, 200, await put.text());
  } finally {
    await first.stop();
  }
  assert.ok(existsSync(join(dataDir, 'user-settings.sqlite')), 'user-settings.sqlite was written');

  const second = await startPortal(dataDir);
  try {
    const token = await signIn(second.baseUrl, 'lina');
    const get = await fetch(`${second.baseUrl}/api/user-settings/buckets/court-ops/keys/restart-check`, {
      headers: { authorization: `Bearer ${token}` },
    });
    assert.equal(get.status, 200);
    assert.deepEqual(((await get.json()) as { value: unknown }).value, value);
  } finally {
    await second.stop();
  }
});
