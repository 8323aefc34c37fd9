/** A write that would break a uniqueness rule: balena answers 409 with `message` as a JSON string. */
export class UniqueViolation extends Error {
  override readonly name = 'UniqueViolation';
}

/** balena's message for a unique constraint: `"slug" must be unique.` or `"a" and "b" must be unique.` */
export function uniqueMessage(fields: string[]): string {
  const quoted = fields.map((field) => `"${field}"`);
  const last = quoted.pop();
  return quoted.length === 0 ? `${last} must be unique.` : `${quoted.join(', ')} and ${last} must be unique.`;
}
