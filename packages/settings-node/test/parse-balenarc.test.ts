import { describe, expect, it } from 'vitest';
import { parseBalenarc } from '../src/parse-balenarc.js';

describe('parseBalenarc (the YAML subset of .balenarc.yml)', () => {
  it('reads key: value lines, comments, quotes and nested sections', () => {
    const text = [
      '\uFEFF# balena CLI settings',
      '---',
      'balenaUrl: balena-staging.com # staging',
      "dataDirectory: '/home/me/it''s here'",
      'apiUrl: "https://api.example.com/#not-a-comment"',
      'empty: ~',
      'proxy:',
      '  host: proxy.local',
      '  port: 8080',
      'timeout: 1000',
      '',
    ].join('\r\n');
    expect(parseBalenarc(text)).toEqual({
      balenaUrl: 'balena-staging.com',
      dataDirectory: "/home/me/it's here",
      apiUrl: 'https://api.example.com/#not-a-comment',
      empty: '',
      timeout: '1000',
    });
  });

  it('keeps a # inside a plain value', () => {
    expect(parseBalenarc('url: http://x/#y\n')).toEqual({ url: 'http://x/#y' });
  });

  it('skips blank lines of spaces, indented comments and the end-of-document marker', () => {
    expect(parseBalenarc('a: 1\n   \n\t\n  # indented comment\n...\nb: 2\n')).toEqual({ a: '1', b: '2' });
  });

  it('drops only a leading byte order mark', () => {
    expect(parseBalenarc('a: x\uFEFFy')).toEqual({ a: 'x\uFEFFy' });
  });

  it('reads keys with spaces before the colon, and values after several spaces', () => {
    expect(parseBalenarc('key : value\nquoted:   "spaced #1"\n')).toEqual({ key: 'value', quoted: 'spaced #1' });
  });

  it('ends a plain value at a comment, with the spaces before it', () => {
    expect(parseBalenarc('a: b   # comment\n')).toEqual({ a: 'b' });
  });

  it('reads a key whose value is only a comment as having no value (unset, or a section header)', () => {
    expect(parseBalenarc('unset: # nothing here\nproxy: # the proxy\n  host: proxy.local\nb: 2')).toEqual({ b: '2' });
  });

  it('keeps a # inside quotes, and drops a comment after the closing quote', () => {
    expect(
      parseBalenarc(['double: "x #y" # comment', "single: 'x #y' # comment", "trailing: 'it''s'   "].join('\n')),
    ).toEqual({ double: 'x #y', single: 'x #y', trailing: "it's" });
  });

  it('reads escapes in double quotes only, and empty quoted values', () => {
    expect(parseBalenarc('double: "tab\\there"\nsingle: \'tab\\there\'\nempty: ""\nalso: \'\'\nnone: null')).toEqual({
      double: 'tab\there',
      single: 'tab\\there',
      empty: '',
      also: '',
      none: '',
    });
  });

  it.each([
    ['a line without a colon', 'balenaUrl balena.io', 1],
    ['an indented line out of any section', 'a: 1\n  b: 2', 2],
    ['an indented first line', '  b: 2', 1],
    ['a value glued to its colon', 'a: 1\nb:2', 2],
    ['an unterminated quote', 'a: "open', 1],
    ['an unterminated single quote', "a: 'open", 1],
    ['a lone quote', "a: 1\nb: '", 2],
    ['a text after the closing quote', 'a: "x" y', 1],
    ['an invalid escape', 'a: "\\q"', 1],
    ['a flow mapping', '{a: 1}', 1],
  ])('rejects %s, naming the line', (_, text, line) => {
    expect(() => parseBalenarc(text)).toThrow(`line ${line}`);
  });
});
