/**
 * The SHA-1 key of RFC 6238 appendix B and RFC 4226 appendix D, the ASCII bytes of
 * '12345678901234567890', in base32.
 */
export const RFC_SECRET = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';

/**
 * RFC 6238 appendix B, SHA-1 rows: the time in seconds and the 8-digit code; a 6-digit code is its
 * last 6 digits (dynamic truncation takes the value modulo 10^digits).
 */
export const RFC_6238_SHA1_VECTORS: ReadonlyArray<readonly [seconds: number, code: string]> = [
  [59, '94287082'],
  [1_111_111_109, '07081804'],
  [1_111_111_111, '14050471'],
  [1_234_567_890, '89005924'],
  [2_000_000_000, '69279037'],
  [20_000_000_000, '65353130'],
];

/**
 * RFC 4226 appendix D: the 6-digit HOTP code for counters 0 to 9, which TOTP reaches at
 * `counter * 30` seconds.
 */
export const RFC_4226_HOTP_CODES: readonly string[] = [
  '755224',
  '287082',
  '359152',
  '969429',
  '338314',
  '254676',
  '287922',
  '162583',
  '399871',
  '520489',
];
