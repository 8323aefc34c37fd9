import { generateCode } from '../../src/two-factor.js';

const TOTP_STEP_MS = 30_000;

/** A six-digit code valid for none of the steps around now (servers accept a step or so of drift). */
export function wrongCode(secret: string): string {
  const valid = new Set(
    [-2, -1, 0, 1, 2].map((step) => generateCode(secret, { timestampMs: Date.now() + step * TOTP_STEP_MS })),
  );
  for (let candidate = 0; ; candidate++) {
    const code = String(candidate).padStart(6, '0');
    if (!valid.has(code)) return code;
  }
}
