const SECRET_PARAMETER_PATTERN = /[?&]secret=([^&#]*)/i;
const URL_SCHEME_PATTERN = /^[a-z][a-z0-9+.-]*:/i;

/**
 * Extracts the base32 TOTP secret from what balena's setup endpoint returns. Today's SDKs disagree
 * on its shape (the JavaScript SDK treats it as the key, the Python SDK as an `otpauth://` URL), so
 * both are accepted, as is a key written in groups ('ABCD EFGH ...') or in lower case.
 *
 * @param setupKey - an `otpauth://totp/...?secret=...` URL or a bare base32 key
 * @returns the secret: upper-case base32 without spaces or padding; empty when there is none
 */
export function secretFromSetupKey(setupKey: string): string {
  const parameter = SECRET_PARAMETER_PATTERN.exec(setupKey);
  let secret = setupKey.trim();
  if (!parameter && URL_SCHEME_PATTERN.test(secret)) return '';
  if (parameter) {
    const encoded = parameter[1]!;
    try {
      secret = decodeURIComponent(encoded);
    } catch {
      secret = encoded;
    }
  }
  return secret.replace(/[\s-]/g, '').replace(/=+$/, '').toUpperCase();
}
