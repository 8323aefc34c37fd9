import { createClient } from '@balena-ts/core';
import { describe, expect, test } from 'vitest';
import { bind } from '../src/bind.js';

// A small module namespace of our own, shaped like the real ones: operations, a client-less
// function, a class and a constant.
class Failure extends Error {}
const module = {
  echo: (client: object, ...args: unknown[]): { client: object; args: unknown[] } => ({ client, args }),
  asyncName: async (client: { config: { apiUrl: string } }, suffix: string): Promise<string> =>
    `${client.config.apiUrl}${suffix}`,
  standalone: (value: string): string => value.toUpperCase(),
  Failure,
  LIMIT: 10,
};

describe('bind', () => {
  const client = createClient({ apiUrl: 'http://127.0.0.1:9' });

  test('passes the client first and every argument after it, unchanged', () => {
    const bound = bind(client, module, { standalone: true, Failure: false });
    const options = { $select: ['id'] };
    const result = bound.echo(1, 'two', options, undefined);
    expect(result.client).toBe(client);
    expect(result.args).toEqual([1, 'two', options, undefined]);
    expect(result.args[2]).toBe(options);
  });

  test('returns what the module function returns, promises included', async () => {
    const bound = bind(client, module, { standalone: true, Failure: false });
    await expect(bound.asyncName('/v7')).resolves.toBe('http://127.0.0.1:9/v7');
  });

  test('keeps a standalone function as it is, or leaves it out', () => {
    expect(bind(client, module, { standalone: true, Failure: false }).standalone).toBe(module.standalone);
    const without = bind(client, module, { standalone: false, Failure: false });
    expect('standalone' in without).toBe(false);
  });

  test('keeps no constants and no classes it was told to leave out', () => {
    const bound = bind(client, module, { standalone: true, Failure: false });
    expect(Object.keys(bound).sort()).toEqual(['asyncName', 'echo', 'standalone']);
  });

  test('freezes the result', () => {
    const bound = bind(client, module, { standalone: true, Failure: false });
    expect(Object.isFrozen(bound)).toBe(true);
  });

  test('lets errors through untouched', async () => {
    const failing = {
      fail: async (_client: object): Promise<never> => {
        throw new Failure('boom');
      },
    };
    const error = await bind(client, failing, {})
      .fail()
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(Failure);
    expect((error as Error).message).toBe('boom');
  });
});
