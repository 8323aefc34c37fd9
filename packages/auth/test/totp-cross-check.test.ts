import { createGuardrails, generate, ScureBase32Plugin } from 'otplib';
import { describe, expect, it } from 'vitest';
import { generateCode } from '../src/two-factor.js';

// otplib 13.5.0 (a devDependency only) is the reference: the codes of the own Web Crypto
// implementation must equal its codes for any secret and moment, and both must accept the same secrets.
const base32 = new ScureBase32Plugin();
const guardrails = createGuardrails({ MIN_SECRET_BYTES: 10 });
const CASES_PER_SECRET_SIZE = 250;
const ACCEPTANCE_CASES = 600;
const BASE32_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
const FOREIGN_CHARACTERS = '0189@!';
const TEN_YEARS_MS = 10 * 365 * 24 * 3600 * 1000;

/** mulberry32: a seeded generator, so that a failing case can be reproduced from the seed. */
function randomSource(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let mixed = Math.imul(state ^ (state >>> 15), state | 1);
    mixed ^= mixed + Math.imul(mixed ^ (mixed >>> 7), mixed | 61);
    return ((mixed ^ (mixed >>> 14)) >>> 0) / 2 ** 32;
  };
}

function randomInteger(random: () => number, below: number): number {
  return Math.floor(random() * below);
}

function randomBytes(random: () => number, length: number): Uint8Array {
  return Uint8Array.from({ length }, () => randomInteger(random, 256));
}

/** Moments around now, in the 32-bit seconds range, and anywhere up to the largest safe integer. */
function randomTimestampMs(random: () => number): number {
  switch (randomInteger(random, 3)) {
    case 0:
      return Date.now() - TEN_YEARS_MS + randomInteger(random, 2 * TEN_YEARS_MS);
    case 1:
      return randomInteger(random, 2 ** 32) * 1000 + randomInteger(random, 1000);
    default:
      return randomInteger(random, 2 ** 21) * 2 ** 32 + randomInteger(random, 2 ** 32);
  }
}

/** The same secret as a person may paste it: lower case, in groups, padded, or in an otpauth URL. */
function randomPresentation(random: () => number, secret: string): string {
  switch (randomInteger(random, 5)) {
    case 0:
      return secret.toLowerCase();
    case 1:
      return secret.replace(/(.{4})/g, '$1 ').trim();
    case 2:
      return secret.padEnd(Math.ceil(secret.length / 8) * 8, '=');
    case 3:
      return `otpauth://totp/balena:someone?secret=${secret}&issuer=balena`;
    default:
      return secret;
  }
}

function reference(secret: string, timestampMs: number): Promise<string> {
  return generate({ secret, guardrails, epoch: Math.floor(timestampMs / 1000) });
}

async function outcome(action: () => Promise<string>): Promise<string> {
  try {
    return await action();
  } catch {
    return 'refused';
  }
}

describe('generateCode against otplib', () => {
  it.each([
    [10, 1010],
    [16, 1016],
    [20, 1020],
    [32, 1032],
  ])('gives the same codes for random %i-byte secrets and moments (seed %i)', async (size, seed) => {
    const random = randomSource(seed);
    const mismatches: unknown[] = [];
    let checked = 0;
    for (let index = 0; index < CASES_PER_SECRET_SIZE; index++) {
      const secret = base32.encode(randomBytes(random, size));
      const presented = randomPresentation(random, secret);
      const timestampMs = randomTimestampMs(random);
      const [ours, theirs] = await Promise.all([
        generateCode(presented, { timestampMs }),
        reference(secret, timestampMs),
      ]);
      if (ours !== theirs) mismatches.push({ presented, timestampMs, ours, theirs });
      checked++;
    }
    expect(mismatches).toEqual([]);
    expect(checked).toBe(CASES_PER_SECRET_SIZE);
  });

  it('accepts and refuses the same random base32-looking secrets', async () => {
    const random = randomSource(4648);
    const disagreements: unknown[] = [];
    const outcomes = { accepted: 0, refused: 0 };
    for (let index = 0; index < ACCEPTANCE_CASES; index++) {
      const length = randomInteger(random, 110);
      const secret = Array.from({ length }, () =>
        random() < 0.01
          ? FOREIGN_CHARACTERS[randomInteger(random, FOREIGN_CHARACTERS.length)]
          : BASE32_ALPHABET[randomInteger(random, BASE32_ALPHABET.length)],
      ).join('');
      const timestampMs = randomTimestampMs(random);
      const ours = await outcome(() => generateCode(secret, { timestampMs }));
      const theirs = await outcome(() => reference(secret, timestampMs));
      if (ours !== theirs) disagreements.push({ secret, timestampMs, ours, theirs });
      outcomes[ours === 'refused' ? 'refused' : 'accepted']++;
    }
    expect(disagreements).toEqual([]);
    // Both outcomes must actually occur, or the comparison above proves nothing.
    expect(outcomes.accepted).toBeGreaterThan(50);
    expect(outcomes.refused).toBeGreaterThan(50);
  });
});
