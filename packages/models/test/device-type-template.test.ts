// The template engine behind the install instructions is a pure function: these tests pin down its
// grammar (blocks, paths, helpers, escaping) and its errors without a sandbox.

import { NotSupported } from '@balena-ts/core';
import { describe, expect, it } from 'vitest';
import { installMethodOf, interpolatePartials } from '../src/device-type/interpolate.js';
import { renderTemplate } from '../src/device-type/template.js';
import type { Contract } from '../src/types/contract.js';

const upper = { upper: (value: unknown) => String(value).toUpperCase() };

describe('renderTemplate', () => {
  it('renders nothing for null, undefined and false, and the text of true', () => {
    expect(renderTemplate('[{{a}}]', { a: null })).toBe('[]');
    expect(renderTemplate('[{{a}}]', {})).toBe('[]');
    expect(renderTemplate('[{{a}}]', { a: false })).toBe('[]');
    expect(renderTemplate('[{{a}}]', { a: true })).toBe('[true]');
    expect(renderTemplate('[{{a}}]', { a: 0 })).toBe('[0]');
  });

  it('treats an empty list as false in {{#if}}', () => {
    expect(renderTemplate('{{#if a}}yes{{/if}}', { a: [] })).toBe('');
    expect(renderTemplate('{{#if a}}yes{{/if}}', { a: [1] })).toBe('yes');
    expect(renderTemplate('{{#if a}}yes{{/if}}', { a: '' })).toBe('');
  });

  it('accepts several spaces between a block helper and its path', () => {
    expect(renderTemplate('{{#if  a}}yes{{/if}}', { a: true })).toBe('yes');
  });

  it('accepts several spaces between a helper and its argument', () => {
    expect(renderTemplate('{{upper  a}}', { a: 'x' }, upper)).toBe('X');
  });

  it('reads the current item as `.`, `this` and `this.field`', () => {
    const context = { list: [{ name: 'n1' }, { name: 'n2' }], words: ['a', 'b'] };
    expect(renderTemplate('{{#each words}}<{{.}}>{{/each}}', context)).toBe('<a><b>');
    expect(renderTemplate('{{#each words}}{{this}},{{/each}}', context)).toBe('a,b,');
    expect(renderTemplate('{{#each list}}{{this.name}},{{/each}}', context)).toBe('n1,n2,');
  });

  it('strips `this.` only at the start of a path', () => {
    expect(renderTemplate('{{xthis.y}}', { xthis: { y: 'v' } })).toBe('v');
  });

  it('gives nothing for a path through a missing value', () => {
    expect(renderTemplate('[{{a.b.c}}]', {})).toBe('[]');
    expect(renderTemplate('[{{a.b.c}}]', { a: null })).toBe('[]');
  });

  it('unwraps a segment only when it is in brackets on both sides', () => {
    expect(renderTemplate('{{a.[0]}}', { a: ['zero'] })).toBe('zero');
    expect(renderTemplate('{{a.x]}}', { a: { 'x]': 'right' } })).toBe('right');
    expect(renderTemplate('{{a.[x}}', { a: { '[x': 'left' } })).toBe('left');
  });

  it('opens a block only for `#each`/`#if` at the start of the expression, on one line', () => {
    expect(renderTemplate('{{a #if b}}', { a: 'A', b: true })).toBe('A');
    expect(renderTemplate('[{{#if a\nb}}]', { a: true })).toBe('[]');
  });

  it('closes a block only for exactly `/each` or `/if`', () => {
    expect(renderTemplate('{{a/if}}', { 'a/if': 'v' })).toBe('v');
    expect(renderTemplate('{{/ifx}}', { '/ifx': 'v' })).toBe('v');
  });

  it('refuses a closing tag without its block, or for another block', () => {
    expect(() => renderTemplate('{{/if}}', {})).toThrow(new Error('Unexpected {{/if}}'));
    expect(() => renderTemplate('{{#each a}}{{/if}}', { a: [] })).toThrow(new Error('Unexpected {{/if}}'));
  });

  it('refuses a block that is never closed', () => {
    expect(() => renderTemplate('{{#if a}}x', { a: true })).toThrow(new Error('Unclosed block in template'));
  });
});

describe('interpolatePartials and installMethodOf', () => {
  it('renders an alias of nothing as nothing', () => {
    const contract = {
      slug: 'board',
      partials: { steps: ['a{{resolveContractAlias data.missing}}b'] },
    } as unknown as Contract;
    expect(interpolatePartials(contract).partials).toEqual({ steps: ['ab'] });
  });

  it('names the contract it cannot find an install method for', () => {
    const error = (() => {
      try {
        installMethodOf({ slug: 'board', data: {} } as unknown as Contract);
      } catch (caught) {
        return caught;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(NotSupported);
    expect((error as Error).message).toContain('Unable to determine installation method for contract: board');
  });
});
