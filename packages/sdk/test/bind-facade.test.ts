import { createClient } from '@balena-ts/core';
import { describe, expect, test } from 'vitest';
import { bindFacade, facadeModule, facadeValue } from '../src/index.js';

// Small modules of our own, shaped like the real ones: an operation, a client-less function, a class.
class Failure extends Error {}
const parent = {
  read: (client: { config: { apiUrl: string } }, id: number): string => `${client.config.apiUrl}/parent/${id}`,
  format: (id: number): string => `#${id}`,
  Failure,
};
const child = {
  read: (client: { config: { apiUrl: string } }, id: number): string => `${client.config.apiUrl}/child/${id}`,
};

describe('bindFacade', () => {
  const client = createClient({ apiUrl: 'http://127.0.0.1:9' });
  const descriptor = {
    client: facadeValue((value) => value),
    apiUrl: facadeValue((value) => value.config.apiUrl),
    models: {
      parent: facadeModule(parent, { format: true, Failure: false }, { child: facadeModule(child, {}) }),
      group: { child: facadeModule(child, {}) },
    },
  };

  test('binds every module at its path, groups included', () => {
    const facade = bindFacade(client, descriptor);
    expect(facade.models.parent.read(1)).toBe('http://127.0.0.1:9/parent/1');
    expect(facade.models.group.child.read(2)).toBe('http://127.0.0.1:9/child/2');
  });

  test('puts a module and the paths under it in one object', () => {
    const facade = bindFacade(client, descriptor);
    expect(facade.models.parent.child.read(3)).toBe('http://127.0.0.1:9/child/3');
    expect(Object.keys(facade.models.parent).sort()).toEqual(['child', 'format', 'read']);
    expect(facade.models.parent.format).toBe(parent.format);
  });

  test('reads client values from the client', () => {
    const facade = bindFacade(client, descriptor);
    expect(facade.client).toBe(client);
    expect(facade.apiUrl).toBe('http://127.0.0.1:9');
  });

  test('freezes every object it makes', () => {
    const facade = bindFacade(client, descriptor);
    for (const object of [
      facade,
      facade.models,
      facade.models.parent,
      facade.models.group,
      facade.models.group.child,
    ]) {
      expect(Object.isFrozen(object)).toBe(true);
    }
  });

  test('makes a new object per client from the same descriptor', () => {
    const other = createClient({ apiUrl: 'http://127.0.0.2:9' });
    expect(bindFacade(other, descriptor).models.parent.read(1)).toBe('http://127.0.0.2:9/parent/1');
    expect(bindFacade(client, descriptor).models.parent.read(1)).toBe('http://127.0.0.1:9/parent/1');
  });
});
