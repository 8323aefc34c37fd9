// parseODataUrl assembles a URL's parse from kept parses of its path and of each option (string
// values put back into kept templates): it must give what balena's parser gives for the whole
// URL, tree, bind numbers and errors alike.
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { parseODataUrl } from '../src/odata/parse-odata.js';

const parser = createRequire(import.meta.url)('@balena/odata-parser') as { parse: (url: string) => unknown };

const PATHS = [
  '/device',
  "/device(uuid='abc')",
  '/device(uuid=%27a%27)',
  '/device(12)',
  '/device/$count',
  '/application(5)/owns__device',
  '/device(1)/$links/belongs_to__application',
  '/device(@id)',
  "/device(uuid='a&b')",
  '/device(',
  "/device('abc')",
  "/device(uuid='')",
  '/device(uuid=%2712-ab_C%27)',
];
const OPTIONS = [
  '',
  '$select=id,uuid',
  '$select=*',
  '$select=',
  "$filter=name eq 'a''b'",
  "$filter=uuid in ('a','b')",
  '$filter=belongs_to__application eq 1.5',
  '$filter=belongs_to__application/any(a:a/id eq 1)',
  "$filter=name eq 'a&b'",
  '$filter=name%20eq%20%27x%27',
  '$filter=id eq',
  "$filter=name eq ''",
  "$filter=name eq '123' or name eq 'true'",
  "$filter=created_at gt datetime'2020-01-01'",
  "$filter=startswith(name,'null')",
  "$filter=uuid in ('', 'a-b',%27c%27)",
  "$filter=name eq 'a%20b'",
  '$orderby=device_name desc,id',
  '$top=5',
  '$top=abc',
  '$skip=10',
  "$expand=owns__device($select=id;$filter=name eq 'x')",
  '$expand=owns__device($select=id&$top=1)',
  '$expand=owns__device/$count',
  '$count=true',
  '$foo=1',
  '@id=5',
  'apikey=xyz',
];

function outcome(parse: () => unknown): string {
  try {
    return JSON.stringify(parse());
  } catch {
    return 'throws';
  }
}

describe('parseODataUrl', () => {
  it('answers every combination of paths and up to two options as the whole parse does', () => {
    const queries = [
      '',
      ...OPTIONS.map((option) => `?${option}`),
      ...OPTIONS.flatMap((first) => OPTIONS.map((second) => `?${first}&${second}`)),
    ];
    let compared = 0;
    for (const path of PATHS) {
      for (const query of queries) {
        const url = `${path}${query}`;
        expect(
          outcome(() => parseODataUrl(url)),
          url,
        ).toBe(outcome(() => parser.parse(url)));
        compared++;
      }
    }
    expect(compared).toBe(PATHS.length * (1 + OPTIONS.length + OPTIONS.length ** 2));
  });

  it('numbers binds across pieces kept from other URLs as the whole parse numbers them', () => {
    // The pieces of the second URL were all seen in the first two, in other places.
    parseODataUrl("/device(uuid='k')?$top=3");
    parseODataUrl("/device?$filter=name eq 'n'&$skip=7");
    const url = "/device(uuid='k')?$skip=7&$filter=name eq 'n'&$top=3";
    expect(parseODataUrl(url)).toEqual(parser.parse(url));
  });

  it('puts each URL’s own string values into a template kept from another URL', () => {
    for (const [first, second] of [
      ["/device(uuid='aa')?$select=id", "/device(uuid='bb')?$select=id"],
      ["/device?$filter=uuid in ('a','b') and name eq 'c'", "/device?$filter=uuid in ('d','e') and name eq 'f'"],
      ["/device?$filter=name eq 'x'", "/device?$filter=name eq ''"],
      ["/device?$filter=created_at gt datetime'2020-01-01'", "/device?$filter=created_at gt datetime'2021-02-03'"],
      [
        "/device?$filter=name eq 'a' and created_at gt datetime'b'",
        "/device?$filter=name eq 'c' and created_at gt datetime'd'",
      ],
      ["/device?$select='a'", "/device?$select='b'"],
      ["/device?$filter=name eq 'a''b'", "/device?$filter=name eq 'c''d'"],
    ] as const) {
      expect(parseODataUrl(first)).toEqual(parser.parse(first));
      expect(parseODataUrl(second)).toEqual(parser.parse(second));
    }
  });
});
