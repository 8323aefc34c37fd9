/**
 * Parses the subset of YAML that `.balenarc.yml` files use: `key: value` lines, `#` comments,
 * blank lines, quoted or plain scalars. Indented lines below a key with no value (a nested
 * mapping such as the CLI's `proxy:` section) are skipped, since no setting balena-ts reads is nested.
 *
 * @param text - the file's content
 * @returns the top-level keys with their text values
 * @throws Error naming the first bad line's number (never its content, which could hold a secret)
 */
export function parseBalenarc(text: string): Record<string, string> {
  const result: Record<string, string> = {};
  let inNestedBlock = false;
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  for (const [index, line] of lines.entries()) {
    const trimmed = line.trim();
    if (trimmed === '' || trimmed.startsWith('#') || trimmed === '---' || trimmed === '...') continue;
    if (/^\s/.test(line)) {
      if (inNestedBlock) continue;
      throw new Error(`line ${index + 1} is indented but does not belong to a section`);
    }
    const match = /^([A-Za-z_][\w-]*)\s*:(?:\s+(.*))?$/.exec(line.trimEnd());
    if (!match) throw new Error(`line ${index + 1} is not a "key: value" line`);
    const key = match[1]!;
    const rawValue = match[2] === undefined ? '' : stripComment(match[2]);
    inNestedBlock = rawValue === '';
    if (inNestedBlock) continue;
    const value = parseScalar(rawValue);
    if (value === undefined) throw new Error(`line ${index + 1} has a badly quoted value`);
    result[key] = value;
  }
  return result;
}

function stripComment(value: string): string {
  if (value.startsWith('"') || value.startsWith("'")) {
    const close = value.indexOf(value[0]!, 1);
    // Only a comment may follow the closing quote. Anything else, or no closing quote (close is -1,
    // rest is the whole value), leaves the value as it is for parseScalar to refuse; with nothing
    // after the quote, the value already ends at it (the line is trimmed at its end).
    const rest = value.slice(close + 1).trim();
    return rest.startsWith('#') ? value.slice(0, close + 1) : value;
  }
  // A comment starts with `#` at the start of the value (`key: # note`, no value) or after a space.
  const comment = value.search(/(^|\s)#/);
  return (comment >= 0 ? value.slice(0, comment) : value).trim();
}

function parseScalar(value: string): string | undefined {
  const quote = value[0];
  if (quote === '"' || quote === "'") {
    if (value.length < 2 || !value.endsWith(quote)) return undefined;
    const inner = value.slice(1, -1);
    if (quote === "'") return inner.replaceAll("''", "'");
    try {
      return JSON.parse(value) as string;
    } catch {
      return undefined;
    }
  }
  // YAML's null words mean "not set"; an empty string drops the key in the loader.
  return value === '~' || value === 'null' ? '' : value;
}
