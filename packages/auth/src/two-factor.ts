/**
 * Two-factor authentication for balena-ts: read the session's 2FA state, pass the TOTP challenge
 * after a password login, compute codes locally, and turn 2FA on or off.
 *
 * @packageDocumentation
 */

export { challenge } from './two-factor/challenge.js';
export { disable } from './two-factor/disable.js';
export { enable } from './two-factor/enable.js';
export { type GenerateCodeOptions, generateCode } from './two-factor/generate-code.js';
export { getOtpauthSecret } from './two-factor/get-otpauth-secret.js';
export { getSetupKey } from './two-factor/get-setup-key.js';
export { isEnabled } from './two-factor/is-enabled.js';
export { isPassed } from './two-factor/is-passed.js';
export { verify } from './two-factor/verify.js';
