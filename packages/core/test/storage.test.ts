import { beforeEach, describe, expect, it } from 'vitest';
import { createMemoryStorage } from '../src/index.js';
import { runStorageConformance } from '../src/testing.js';

runStorageConformance('memory', () => createMemoryStorage(), { describe, it, expect, beforeEach });

describe('memory storage', () => {
  it('keeps two storages apart', async () => {
    const first = createMemoryStorage();
    const second = createMemoryStorage();
    await first.set('token', 'a');
    expect(await second.get('token')).toBe(undefined);
  });
});
