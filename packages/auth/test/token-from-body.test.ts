import { MalformedToken } from '@balena-ts/core';
import { describe, expect, it } from 'vitest';
import { tokenFromBody } from '../src/internal/token-from-body.js';

describe('tokenFromBody (the token in a login, register or 2FA answer)', () => {
  it.each([
    ['plain text', 'abc.def.ghi', 'abc.def.ghi'],
    ['plain text with a final newline', 'abc.def.ghi\n', 'abc.def.ghi'],
    ['a JSON string', '"abc.def.ghi"', 'abc.def.ghi'],
    ['a JSON string with spaces inside and out', ' " abc.def.ghi " \n', 'abc.def.ghi'],
  ])('reads %s', (_, body, token) => {
    expect(tokenFromBody(body)).toBe(token);
  });

  it.each([
    ['an empty answer', ''],
    ['only spaces', '  \n'],
    ['two words', 'abc def'],
    ['an empty JSON string', '""'],
    ['a JSON string of two words', '"abc def"'],
    ['a broken JSON string', '"abc'],
    ['a JSON number in quotes', '"1" 2'],
    ['no text at all', undefined],
    ['a JSON object', { token: 'abc' }],
  ])('refuses %s with MalformedToken', (_, body) => {
    expect(() => tokenFromBody(body)).toThrow(new MalformedToken('The server answered without a token'));
  });
});
