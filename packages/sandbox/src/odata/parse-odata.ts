import { createRequire } from 'node:module';
import type { ODataBinds, ODataQuery } from '@balena/odata-parser';

type Parsed = { tree: ODataQuery; binds: ODataBinds };
type Parse = (url: string) => Parsed;

// The parser is CommonJS without named ESM exports.
const parser = createRequire(import.meta.url)('@balena/odata-parser') as { parse: Parse };

/**
 * Clients repeat the same URLs (polls, counts) and the same pieces of URLs (a `$select`, a
 * `$filter` with another `$skip`): whole parses and pieces are kept, oldest dropped first.
 */
const PARSE_CACHE_SIZE = 500;
const parsed = new Map<string, Parsed>();
const pieces = new Map<string, Parsed>();

function remember(cache: Map<string, Parsed>, key: string, value: Parsed): Parsed {
  if (cache.size >= PARSE_CACHE_SIZE) cache.delete(cache.keys().next().value as string);
  cache.set(key, value);
  return value;
}

/** Stands for the i-th string literal of a piece while its template is parsed. */
const PLACEHOLDER = 'zQ9sandboxLiteral';
/** A string literal the parser reads as it is written: letters, digits, `-` and `_`. */
const PLAIN_TEXT = /^[\w-]*$/;

/**
 * A piece with each quoted text replaced by a numbered placeholder, and the texts; undefined when
 * it has no string or a text is not plain. Whether each placeholder came out as a string value is
 * checked on the template's parse (`datetime'…'` and `$select='…'` come out as names).
 */
function templateOf(piece: string): { template: string; texts: string[] } | undefined {
  const quotes = [...piece.matchAll(/'|%27/gi)];
  if (quotes.length < 2) return undefined;
  const texts: string[] = [];
  let template = '';
  let copied = 0;
  for (let index = 0; index + 1 < quotes.length; index += 2) {
    const opening = quotes[index]!;
    const closing = quotes[index + 1]!;
    const start = opening.index + opening[0].length;
    const text = piece.slice(start, closing.index);
    if (!PLAIN_TEXT.test(text)) return undefined;
    template += piece.slice(copied, start) + PLACEHOLDER + texts.length;
    copied = closing.index;
    texts.push(text);
  }
  return { template: template + piece.slice(copied), texts };
}

/**
 * The binds of a template's parse with the literals put back, or undefined when the placeholders
 * did not come out as exactly one Text bind each (the template then says nothing about the piece).
 */
function fillBinds(binds: ODataBinds, texts: string[], seen: Set<number>): unknown[] | undefined {
  const filled: unknown[] = [];
  for (const bind of binds as unknown as [string, unknown][]) {
    const [type, value] = bind;
    if (type === 'List') {
      const items = fillBinds(value as ODataBinds, texts, seen);
      if (!items) return undefined;
      filled.push([type, items]);
    } else if (type === 'Text') {
      const index =
        typeof value === 'string' && value.startsWith(PLACEHOLDER) ? Number(value.slice(PLACEHOLDER.length)) : -1;
      if (!(index >= 0 && index < texts.length) || value !== PLACEHOLDER + index) return undefined;
      seen.add(index);
      filled.push([type, texts[index]]);
    } else {
      filled.push(bind);
    }
  }
  return filled;
}

/** Templates by text: their parse, or null when the placeholders do not come out one Text bind each. */
const templates = new Map<string, Parsed | null>();

function parsedTemplate(template: string, literals: number): Parsed | null {
  const kept = templates.get(template);
  if (kept !== undefined) return kept;
  let result: Parsed | null = null;
  try {
    const candidate = parser.parse(template);
    const seen = new Set<number>();
    const placeholders = Array.from({ length: literals }, (_, index) => PLACEHOLDER + index);
    // Each placeholder must be exactly one string bind: one that became part of a name is not.
    const valid = fillBinds(candidate.binds, placeholders, seen) !== undefined && seen.size === literals;
    result = valid ? candidate : null;
  } catch {
    // A malformed template: the piece itself is parsed (and throws).
  }
  if (templates.size >= PARSE_CACHE_SIZE) templates.delete(templates.keys().next().value as string);
  templates.set(template, result);
  return result;
}

/**
 * A piece's parse, kept. A piece seen only with other string values (a uuid) is parsed once as a
 * template and the values put back into its binds: balena's parser reads a literal character by
 * character, and first-seen uuids were most of its time under load.
 */
function parsePiece(url: string): Parsed {
  const kept = pieces.get(url);
  if (kept) return kept;
  const found = templateOf(url);
  const template = found && parsedTemplate(found.template, found.texts.length);
  if (found && template) {
    const binds = fillBinds(template.binds, found.texts, new Set());
    if (binds) return { tree: template.tree, binds: binds as unknown as ODataBinds };
  }
  return remember(pieces, url, parser.parse(url));
}

function isPlainList(binds: ODataBinds): boolean {
  return Object.keys(binds).length === binds.length;
}

/** A subtree with every `{ bind: n }` moved by `offset` (a copy; cached trees stay as they are). */
function shiftBinds(node: unknown, offset: number): unknown {
  if (offset === 0 || node === null || typeof node !== 'object') return node;
  if (Array.isArray(node)) return node.map((child) => shiftBinds(child, offset));
  const copy: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node)) {
    copy[key] = key === 'bind' && typeof value === 'number' ? value + offset : shiftBinds(value, offset);
  }
  return copy;
}

/**
 * The parse of a URL assembled from the parses of its path and of each `$option` alone, which are
 * kept: a URL seen for the first time is mostly pieces seen before (under load the parser was a
 * tenth of the server's time, every URL being new). Binds are numbered as the whole parse numbers
 * them (path first, then each option in order), so the result is the same tree
 * (`test/parse-odata.test.ts` compares them). Undefined when the pieces cannot answer alone
 * (parameter aliases, options of a navigation's last segment); a piece that does not parse (an `&`
 * inside a string or inside an `$expand`'s options cuts it) throws. The whole URL is then parsed.
 */
function parseInPieces(url: string): Parsed | undefined {
  const queryStart = url.indexOf('?');
  if (queryStart < 0) return undefined;
  const path = url.slice(0, queryStart);
  const options = url.slice(queryStart + 1).split('&');
  const head = parsePiece(path);
  // Options of a path with a navigation (`application(5)/owns__device`) belong to its last segment.
  const { property, link } = head.tree as { property?: unknown; link?: unknown };
  if (property !== undefined || link !== undefined) return undefined;
  const tree: Record<string, unknown> = { ...head.tree, options: {} };
  const treeOptions = tree.options as Record<string, unknown>;
  const binds: unknown[] = [...head.binds];
  for (const option of options) {
    const piece = parsePiece(`/a?${option}`);
    const parsedOptions = (piece.tree.options ?? {}) as Record<string, unknown>;
    const keys = Object.keys(parsedOptions);
    if (keys.length !== 1 || !isPlainList(piece.binds)) return undefined;
    treeOptions[keys[0]!] = shiftBinds(parsedOptions[keys[0]!], binds.length);
    binds.push(...piece.binds);
  }
  return { tree: tree as unknown as ODataQuery, binds: binds as unknown as ODataBinds };
}

/**
 * Parses an OData URL (the part after `/v7`) with balena's own parser; throws on malformed input.
 * The result may be shared with other requests for the same URL: callers only read it.
 */
export function parseODataUrl(url: string): Parsed {
  const cached = parsed.get(url);
  if (cached) return cached;
  let result: Parsed | undefined;
  try {
    result = parseInPieces(url);
  } catch {
    // A malformed piece: the whole parse throws balena's way (or finds the URL valid after all).
  }
  return remember(parsed, url, result ?? parser.parse(url));
}
