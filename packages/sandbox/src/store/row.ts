/** A stored row: plain data keyed by field name; links hold the target id or null. */
export type Row = { id: number } & Record<string, unknown>;
