import { createRequire } from 'node:module';
import type { ODataBinds, ODataQuery } from '@balena/odata-parser';

type Parse = (url: string) => { tree: ODataQuery; binds: ODataBinds };

// The parser is CommonJS without named ESM exports.
const parser = createRequire(import.meta.url)('@balena/odata-parser') as { parse: Parse };

/** Parses an OData URL (the part after `/v7`) with balena's own parser; throws on malformed input. */
export function parseODataUrl(url: string): { tree: ODataQuery; binds: ODataBinds } {
  return parser.parse(url);
}
