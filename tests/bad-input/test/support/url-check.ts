// Decides whether a request URL carries an injected query or path fragment. The rule: every OData
// string literal is a quote, then only percent-encoded text and doubled quotes, then a quote; outside
// the literals no hostile marker may appear in the OData options; the path never gains a `..`
// segment; the request never leaves the sandbox's origin.
import { INJECTION_MARKERS } from './hostile-values.js';

const LITERAL_CONTENT = /^(?:[A-Za-z0-9\-_.!~*()]|%[0-9A-Fa-f]{2}|'')*$/;
const ODATA_OPTIONS = new Set(['$filter', '$expand', '$select', '$orderby', '$top', '$skip', '$count', '$format']);

/** Splits raw text into what lies outside the string literals, and reports a malformed literal. */
function scanLiterals(text: string): { outside: string; problem?: string } {
  let outside = '';
  let index = 0;
  while (index < text.length) {
    const character = text[index]!;
    if (character !== "'") {
      outside += character;
      index++;
      continue;
    }
    let end = index + 1;
    for (;;) {
      const quote = text.indexOf("'", end);
      if (quote < 0) return { outside, problem: `unterminated literal at ${index}` };
      if (text[quote + 1] === "'") {
        end = quote + 2;
        continue;
      }
      end = quote;
      break;
    }
    const content = text.slice(index + 1, end);
    if (!LITERAL_CONTENT.test(content)) return { outside, problem: `literal not escaped: '${content.slice(0, 60)}'` };
    outside += "''";
    index = end + 1;
  }
  return { outside };
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** Returns what is wrong with a request URL, or undefined when it is clean. */
export function findInjection(url: string, origin: string): string | undefined {
  if (!url.startsWith(`${origin}/`)) return `left the sandbox: ${url.slice(0, 80)}`;
  const rest = url.slice(origin.length);
  const queryAt = rest.indexOf('?');
  const path = queryAt < 0 ? rest : rest.slice(0, queryAt);
  const search = queryAt < 0 ? '' : rest.slice(queryAt + 1);
  if (path.includes('#') || search.includes('#')) return `a raw '#' in ${rest.slice(0, 80)}`;

  // OData resource paths carry literals (`device(uuid='…')`); other paths carry plain segments.
  const odataPath = /^\/v\d+\//.test(path);
  const pathScan = odataPath ? scanLiterals(path) : { outside: path };
  if ('problem' in pathScan && pathScan.problem) return `path: ${pathScan.problem}`;
  const segments = pathScan.outside.split('/');
  if (segments.some((segment) => segment === '..' || segment === '.')) return `path traversal: ${path.slice(0, 80)}`;
  if (path.includes('//')) return `empty path segment: ${path.slice(0, 80)}`;

  const seen = new Set<string>();
  for (const part of search.split('&').filter(Boolean)) {
    const equals = part.indexOf('=');
    const name = safeDecode(equals < 0 ? part : part.slice(0, equals));
    const value = equals < 0 ? '' : part.slice(equals + 1);
    if (INJECTION_MARKERS.some((marker) => name.includes(marker))) return `injected parameter name: ${name}`;
    if (name.startsWith('$')) {
      if (!ODATA_OPTIONS.has(name)) return `unknown OData option: ${name}`;
      if (seen.has(name)) return `OData option given twice: ${name}`;
      seen.add(name);
      const scan = scanLiterals(value);
      if (scan.problem) return `${name}: ${scan.problem}`;
      const structure = safeDecode(scan.outside);
      const marker = INJECTION_MARKERS.find((candidate) => structure.includes(candidate));
      if (marker) return `${name}: injected '${marker}' outside a literal: ${structure.slice(0, 120)}`;
    }
  }
  return undefined;
}
