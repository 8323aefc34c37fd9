// Compares a live answer with a golden record after the README's normalisation: placeholders
// stand for "a value of that kind", <UUID:n> and <ID:resource:n> bind on first appearance.

export type Bindings = Map<string, unknown>;

const PLACEHOLDER =
  /<(TIME|JWT|APIKEY|PASSWORD|PATH|UUID:\d+|ID:[a-z_]+:\d+|GENERATED_NAME:\d+|TRUNCATED: \d+ more chars)>/g;

const PATTERNS: Record<string, string> = {
  TIME: '(?:\\d{10,13}|\\d{4}-\\d{2}-\\d{2}T[0-9:.]+Z)',
  JWT: 'eyJ[\\w-]*\\.[\\w-]+\\.[\\w-]+',
  APIKEY: '[A-Za-z0-9]{32}',
  PASSWORD: '.*?',
  PATH: '.*?',
};

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Matches a string holding placeholders; binds uuids and ids. Returns an error text or undefined. */
export function matchString(expected: string, actual: string, bindings: Bindings, where: string): string | undefined {
  const names: string[] = [];
  let source = '';
  let last = 0;
  let truncated = false;
  for (const found of expected.matchAll(PLACEHOLDER)) {
    source += escapeRegExp(expected.slice(last, found.index));
    last = (found.index ?? 0) + found[0].length;
    const name = found[1]!;
    if (name.startsWith('TRUNCATED')) {
      truncated = true;
      break;
    }
    if (name.startsWith('UUID')) {
      names.push(found[0]);
      source += '([0-9a-f-]{32,62})';
    } else if (name.startsWith('ID:')) {
      names.push(found[0]);
      source += '(\\d+)';
    } else if (name.startsWith('GENERATED_NAME')) {
      source += '[a-z]+-[a-z]+';
    } else {
      source += PATTERNS[name];
    }
  }
  if (!truncated) source += escapeRegExp(expected.slice(last));
  const result = new RegExp(`^${source}${truncated ? '' : '$'}`, 's').exec(actual);
  if (!result)
    return `${where}: expected ${JSON.stringify(expected).slice(0, 200)}, got ${JSON.stringify(actual).slice(0, 200)}`;
  for (const [index, name] of names.entries()) {
    const value = name.startsWith('<ID:') ? Number(result[index + 1]) : result[index + 1];
    if (!bindings.has(name)) bindings.set(name, value);
    else if (bindings.get(name) !== value)
      return `${where}: ${name} was ${String(bindings.get(name))}, now ${String(value)}`;
  }
  return undefined;
}

/** Compares values; `shapeOnly` compares types and keys but not string contents. */
export function matchValue(
  expected: unknown,
  actual: unknown,
  bindings: Bindings,
  where: string,
  shapeOnly = false,
): string[] {
  if (typeof expected === 'string') {
    const whole = /^<ID:[a-z_]+:\d+>$/.test(expected);
    if (whole) {
      if (typeof actual !== 'number') return [`${where}: expected an id, got ${JSON.stringify(actual)}`];
      const error = matchString(expected, String(actual), bindings, where);
      return error ? [error] : [];
    }
    if (typeof actual === 'number' && /^<TIME>$/.test(expected)) return [];
    if (typeof actual !== 'string') return [`${where}: expected a string, got ${JSON.stringify(actual)}`];
    if (shapeOnly && !PLACEHOLDER.test(expected)) return [];
    PLACEHOLDER.lastIndex = 0;
    const error = matchString(expected, actual, bindings, where);
    return error ? [error] : [];
  }
  if (Array.isArray(expected)) {
    if (!Array.isArray(actual)) return [`${where}: expected an array, got ${JSON.stringify(actual)?.slice(0, 100)}`];
    const lastItem = expected.at(-1);
    const truncated = typeof lastItem === 'string' && /^<TRUNCATED: \d+ more items>$/.test(lastItem);
    const items = truncated ? expected.slice(0, -1) : expected;
    if (truncated ? actual.length < items.length : actual.length !== items.length) {
      return [`${where}: expected ${items.length}${truncated ? '+' : ''} items, got ${actual.length}`];
    }
    return items.flatMap((item, index) => matchValue(item, actual[index], bindings, `${where}[${index}]`, shapeOnly));
  }
  if (expected !== null && typeof expected === 'object') {
    if (actual === null || typeof actual !== 'object' || Array.isArray(actual))
      return [`${where}: expected an object, got ${JSON.stringify(actual)}`];
    // Keys can hold placeholders too (the target state is keyed by uuids): use their bound values.
    const renamed = Object.fromEntries(
      Object.entries(expected).map(([key, value]) => [
        key.replace(/<(UUID:\d+|ID:[a-z_]+:\d+)>/g, (placeholder) => String(bindings.get(placeholder) ?? placeholder)),
        value,
      ]),
    );
    expected = renamed;
    const expectedKeys = Object.keys(renamed).sort();
    const actualKeys = Object.keys(actual).sort();
    if (expectedKeys.join() !== actualKeys.join()) {
      const missing = expectedKeys.filter((key) => !actualKeys.includes(key));
      const extra = actualKeys.filter((key) => !expectedKeys.includes(key));
      return [`${where}: keys differ (missing ${missing.join(',') || '-'}; extra ${extra.join(',') || '-'})`];
    }
    return expectedKeys.flatMap((key) =>
      matchValue(
        (expected as Record<string, unknown>)[key],
        (actual as Record<string, unknown>)[key],
        bindings,
        `${where}.${key}`,
        shapeOnly,
      ),
    );
  }
  if (shapeOnly && typeof expected === typeof actual) return [];
  return expected === actual ? [] : [`${where}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`];
}
