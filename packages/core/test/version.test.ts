import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createClient } from '../src/index.js';
import { VERSION } from '../src/version.js';

describe('the client identification', () => {
  it('carries the version of package.json (scripts/sync-versions.mjs keeps them in step)', () => {
    const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
    expect(VERSION).toBe(version);
    expect(createClient().config.userAgent).toBe(`balena-ts/${version}`);
  });
});
