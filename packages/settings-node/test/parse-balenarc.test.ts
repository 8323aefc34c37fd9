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

  it.each([
    ['a line without a colon', 'balenaUrl balena.io', 1],
    ['an indented line out of any section', 'a: 1\n  b: 2', 2],
    ['an unterminated quote', 'a: "open', 1],
    ['a flow mapping', '{a: 1}', 1],
  ])('rejects %s, naming the line', (_, text, line) => {
    expect(() => parseBalenarc(text)).toThrow(`line ${line}`);
  });
});
