import { TOTP_STEP_MS } from '../../src/two-factor/totp.js';
import { generateCode } from '../../src/two-factor.js';

/** A six-digit code valid for none of the steps around now (servers accept a step or so of drift). */
export async function wrongCode(secret: string): Promise<string> {
  const now = Date.now();
  const valid = new Set(
    await Promise.all(
      [-2, -1, 0, 1, 2].map((step) => generateCode(secret, { timestampMs: now + step * TOTP_STEP_MS })),
    ),
  );
  for (let candidate = 0; ; candidate++) {
    const code = String(candidate).padStart(6, '0');
    if (!valid.has(code)) return code;
  }
}
