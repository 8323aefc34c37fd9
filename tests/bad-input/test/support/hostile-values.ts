// Hostile values, generated per parameter type. The type is read from the parameter's name (the
// compiled functions keep their parameter names): identifiers, names/keys/values, numbers, objects,
// callbacks. Every parameter also gets the values of the wrong types.
//
// Strings that try to break out of an OData literal or a path carry a marker (`zz` + digit), so
// that the URL checker can tell an injected fragment from an escaped one.

export type ParameterType = 'identifier' | 'text' | 'number' | 'object' | 'callback' | 'list';

/** Fragments that would change a query or a path if they reached a URL unescaped. */
export const INJECTION_MARKERS = ['zz1', 'zz2', 'zz3', 'zz4', 'zz5', 'zz6', 'zz7', 'zz8', 'zz9'];

const INJECTIONS: string[] = [
  "' or zz1 eq zz1 or '",
  "x') or (zz2 eq zz2",
  "abc' and startswith(zz3,'",
  '1&$filter=zz4 eq 1',
  '$expand=zz5',
  '../../zz6',
  '..\\..\\zz6',
  'a/b/../zz6',
  '%27%20or%20zz7%20eq%20zz7',
  "x'%29%20or%20%28zz8",
  "';DROP TABLE zz9;--",
  "'",
  "''",
  "\\'",
  '"',
  '$filter',
  'id eq 1',
  'device(1)',
  '?$select=*',
  '#zz1',
  '@evil.example.com/zz2',
  '//evil.example.com/zz3',
  'http://evil.example.com/zz4',
];

const SHAPES: string[] = [
  '',
  ' ',
  '\t\n',
  '\u0000',
  'é',
  '🚀'.repeat(4),
  '\u202eevil',
  'ﬀ',
  'a'.repeat(10_001),
  '0',
  '-1',
  'NaN',
  'null',
  'undefined',
  'true',
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'hasOwnProperty',
  'ABCDEFABCDEFABCDEFABCDEFABCDEFAB',
  'g'.repeat(32),
  'a'.repeat(62),
  '0'.repeat(33),
];

const NUMBERS: unknown[] = [
  0,
  -1,
  -0,
  1.5,
  Number.NaN,
  Number.POSITIVE_INFINITY,
  Number.NEGATIVE_INFINITY,
  Number.MAX_SAFE_INTEGER + 2,
  2 ** 53,
  1e308,
  -1e308,
  Number.MIN_VALUE,
  2 ** 31,
  999_999_999,
];

function pollutedObjects(): unknown[] {
  return [
    {},
    JSON.parse('{"__proto__":{"polluted":"yes"}}'),
    { constructor: { prototype: { polluted: 'yes' } } },
    Object.create(null),
    { $filter: "zz1 eq 'x'" },
    { $filter: { id: { $raw: 'zz2 eq 1' } } },
    { $select: ["id,zz3'"] },
    { $expand: "zz4($filter=1 eq 1)'" },
    { $orderby: "zz5 desc'" },
    { $top: -1, $skip: Number.NaN },
    { $top: 'zz6' },
    { toString: () => "' or zz7 eq zz7 or '" },
    { valueOf: () => Number.NaN },
    // biome-ignore lint/suspicious/noThenProperty: a thenable-looking argument is one of the hostile shapes.
    { then: 'not a function' },
  ];
}

function wrongTypes(): unknown[] {
  return [
    undefined,
    null,
    true,
    false,
    [],
    [null],
    [Number.NaN],
    ["' or zz8 eq zz8 or '"],
    [1, 'mixed'],
    new Date(Number.NaN),
    () => "' or zz9 eq zz9 or '",
    Symbol('hostile'),
    10n,
    new Map([['__proto__', 1]]),
    new Uint8Array(3),
  ];
}

/** Guesses a parameter's type from its name. */
export function parameterType(name: string): ParameterType {
  const lower = name.toLowerCase();
  if (/callback|^on[a-z]|^error$|handler/.test(lower)) return 'callback';
  if (/options|params|credentials|body|config|filter|query/.test(lower)) return 'object';
  if (/devices|array|ids|uuids|list|names/.test(lower)) return 'list';
  if (/count|limit|timeout|concurrency|size|ms$|seconds|port|interval|expiry/.test(lower)) return 'number';
  if (/uuid|id$|ids|slug|app|application|fleet|device|release|commit|parent|service|image|organization/.test(lower)) {
    return 'identifier';
  }
  return 'text';
}

/** The hostile values for one parameter of the given type (its own type first, then wrong types). */
export function hostileValues(type: ParameterType): unknown[] {
  const strings = [...INJECTIONS, ...SHAPES];
  switch (type) {
    case 'identifier':
      return [...strings, ...NUMBERS, ...wrongTypes(), ...pollutedObjects().slice(0, 4)];
    case 'text':
      return [...strings, ...NUMBERS.slice(0, 5), ...wrongTypes(), ...pollutedObjects().slice(0, 3)];
    case 'number':
      return [...NUMBERS, ...strings.slice(0, 12), ...wrongTypes(), ...pollutedObjects().slice(0, 2)];
    case 'object':
      return [...pollutedObjects(), ...wrongTypes(), ...strings.slice(0, 10), ...NUMBERS.slice(0, 5)];
    case 'list':
      return [
        [],
        INJECTIONS,
        [1, -1, Number.NaN],
        Array.from({ length: 2_000 }, (_, index) => index),
        ...wrongTypes(),
        ...strings.slice(0, 10),
        ...NUMBERS.slice(0, 6),
      ];
    case 'callback':
      return [...wrongTypes().filter((value) => typeof value !== 'function'), 'zz1', 0, {}];
  }
}

/** A short printable form of a value for failure messages. */
export function describeValue(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  if (typeof value === 'bigint') return `${value}n`;
  if (typeof value === 'symbol' || typeof value === 'function') return String(value).slice(0, 40);
  if (value instanceof Date) return `Date(${value.getTime()})`;
  try {
    const text = JSON.stringify(value);
    return text === undefined ? String(value) : text.length > 60 ? `${text.slice(0, 60)}…` : text;
  } catch {
    return Object.prototype.toString.call(value);
  }
}
