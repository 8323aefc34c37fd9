// One operation of every kind the issue names, each with the request a fault targets, what a
// correct result looks like, and how to read the server's state to prove a write happened at most
// once. Every case gets fresh names (`tag`) so that cases never see each other's writes.
import type { Client } from '@balena-ts/core';
import { history } from '@balena-ts/logs';
import * as applicationEnvVariable from '@balena-ts/models/application-env-variable';
import * as applicationTag from '@balena-ts/models/application-tag';
import * as device from '@balena-ts/models/device';
import { blink } from '@balena-ts/supervisor';
import { expect } from 'vitest';
import { DEVICE_COUNT, type Environment, LOG_LINES_SEEDED, SUPERVISED_DEVICE } from './environment.js';

export type OperationKind = 'get' | 'list' | 'create' | 'update' | 'delete' | 'supervisor action';

export interface Operation {
  name: string;
  kind: OperationKind;
  /** Retried by the SDK (GET, PUT, DELETE); POST and PATCH are sent at most once. */
  idempotent: boolean;
  target: { method: string; path: string };
  /** The server answers with an empty body: there is nothing for a truncation to cut. */
  emptyAnswer?: boolean;
  /** Puts the server in the state the operation starts from (e.g. the tag to delete). */
  prepare?(environment: Environment, tag: string): Promise<void>;
  run(client: Client, environment: Environment, tag: string): Promise<unknown>;
  /** Asserts on a successful result. */
  check(result: unknown, environment: Environment, tag: string): void;
  /** How many times the write landed on the server (reads: undefined). */
  effects?(environment: Environment, tag: string): Promise<number>;
}

interface Row {
  id: number;
  [field: string]: unknown;
}

async function rows(environment: Environment, resource: string, filter: string): Promise<Row[]> {
  const answer = await environment.admin<{ d: Row[] }>(`/v7/${resource}?$filter=${filter}`);
  return answer.d;
}

const literal = (value: string): string => `'${encodeURIComponent(value.replaceAll("'", "''"))}'`;

export const OPERATIONS: Operation[] = [
  {
    name: 'device.get',
    kind: 'get',
    idempotent: true,
    target: { method: 'GET', path: '/v7/device' },
    run: (client, { devices }) => device.get(client, devices[0]!.uuid),
    check: (result, { devices }) => expect((result as { uuid: string }).uuid).toBe(devices[0]!.uuid),
  },
  {
    name: 'device.getAllByApplication',
    kind: 'list',
    idempotent: true,
    target: { method: 'GET', path: '/v7/device' },
    run: async (client, { application }) => await device.getAllByApplication(client, application.id),
    check: (result) => expect((result as unknown[]).length).toBe(DEVICE_COUNT),
  },
  {
    name: 'logs.history',
    kind: 'get',
    idempotent: true,
    target: { method: 'GET', path: '/device/v2/' },
    run: (client, { devices }) => history(client, devices[0]!.uuid, 'all'),
    check: (result) => {
      const messages = (result as { message: string }[]).map((line) => line.message);
      expect(messages.slice(0, LOG_LINES_SEEDED)).toEqual(
        Array.from({ length: LOG_LINES_SEEDED }, (_, index) => `seeded ${index}`),
      );
    },
  },
  {
    name: 'applicationEnvVariable.create',
    kind: 'create',
    idempotent: false,
    target: { method: 'POST', path: '/v7/application_environment_variable' },
    run: (client, { application }, tag) => applicationEnvVariable.create(client, application.id, `REL_${tag}`, 'on'),
    check: (result, _environment, tag) => {
      expect((result as { name: string }).name).toBe(`REL_${tag}`);
      expect((result as { id: number }).id).toBeTypeOf('number');
    },
    effects: async (environment, tag) =>
      (await rows(environment, 'application_environment_variable', `name%20eq%20${literal(`REL_${tag}`)}`)).length,
  },
  {
    name: 'device.rename',
    kind: 'update',
    idempotent: false,
    target: { method: 'PATCH', path: '/v7/device' },
    emptyAnswer: true,
    run: (client, { devices }, tag) => device.rename(client, devices[1]!.id, `renamed-${tag}`),
    check: (result) => expect(result).toBeUndefined(),
    effects: async (environment, tag) =>
      (await rows(environment, 'device', `device_name%20eq%20${literal(`renamed-${tag}`)}`)).length,
  },
  {
    name: 'applicationTag.remove',
    kind: 'delete',
    idempotent: true,
    target: { method: 'DELETE', path: '/v7/application_tag' },
    emptyAnswer: true,
    prepare: async (environment, tag) => {
      await environment.admin('/v7/application_tag', {
        method: 'POST',
        body: { application: environment.application.id, tag_key: `rel-${tag}`, value: 'x' },
      });
    },
    run: (client, { application }, tag) => applicationTag.remove(client, application.id, `rel-${tag}`),
    check: (result) => expect(result).toBeUndefined(),
    // A delete "lands" when the tag is gone: 1 when removed, 0 when still there.
    effects: async (environment, tag) =>
      (await rows(environment, 'application_tag', `tag_key%20eq%20${literal(`rel-${tag}`)}`)).length === 0 ? 1 : 0,
  },
  {
    name: 'supervisor.blink (through the API proxy)',
    kind: 'supervisor action',
    idempotent: false,
    target: { method: 'POST', path: '/supervisor/v1/blink' },
    run: (client, { devices, application }) => blink(client, devices[SUPERVISED_DEVICE]!.uuid, application.id),
    check: (result) => expect(result).toBe('OK'),
  },
];
