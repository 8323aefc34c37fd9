// The file name a download's Content-Disposition suggests (release assets, OS images, invoices):
// read as RFC 6266 has it, so that a quoted name keeps its `;` and escaped quotes and an encoded
// UTF-8 name wins over the plain one.
import { describe, expect, it } from 'vitest';
import { suggestedFileName } from '../src/internal/download-progress.js';

function withDisposition(disposition?: string): Response {
  return new Response('', { headers: disposition === undefined ? {} : { 'content-disposition': disposition } });
}

describe('suggestedFileName', () => {
  it.each([
    [undefined, undefined],
    ['attachment', undefined],
    ['attachment; filename=report.pdf', 'report.pdf'],
    ['attachment; filename="firmware v2.bin"', 'firmware v2.bin'],
    ['attachment; filename="a;b.bin"', 'a;b.bin'],
    ['attachment; filename="say \\"hi\\".txt"', 'say "hi".txt'],
    ['inline; FILENAME="upper.txt"', 'upper.txt'],
    ['attachment; filename="rates.txt"; filename*=UTF-8\'\'%E2%82%AC%20rates.txt', '€ rates.txt'],
    ["attachment; filename*=utf-8'en'caf%C3%A9.txt", 'café.txt'],
    ['attachment; filename*=UTF-8\'\'%E2%82; filename="fallback.txt"', 'fallback.txt'],
    ['attachment; note="x;filename=evil"; filename="real.txt"', 'real.txt'],
  ])('%s -> %s', (disposition, expected) => {
    expect(suggestedFileName(withDisposition(disposition))).toBe(expected);
  });
});
