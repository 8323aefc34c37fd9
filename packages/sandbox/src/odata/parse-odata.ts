import { createRequire } from 'node:module';
import type { ODataBinds, ODataQuery } from '@balena/odata-parser';

type Parse = (url: string) => { tree: ODataQuery; binds: ODataBinds };

// The parser is CommonJS without named ESM exports.
const parser = createRequire(import.meta.url)('@balena/odata-parser') as { parse: Parse };

/** Clients repeat the same URLs (polls, counts): their parses are kept, oldest dropped first. */
const PARSE_CACHE_SIZE = 500;
const parsed = new Map<string, { tree: ODataQuery; binds: ODataBinds }>();

/**
 * Parses an OData URL (the part after `/v7`) with balena's own parser; throws on malformed input.
 * The result may be shared with other requests for the same URL: callers only read it.
 */
export function parseODataUrl(url: string): { tree: ODataQuery; binds: ODataBinds } {
  const cached = parsed.get(url);
  if (cached) return cached;
  const result = parser.parse(url);
  if (parsed.size >= PARSE_CACHE_SIZE) parsed.delete(parsed.keys().next().value as string);
  parsed.set(url, result);
  return result;
}
