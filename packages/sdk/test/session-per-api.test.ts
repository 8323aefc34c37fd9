import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type Sandbox, startSandbox } from '@balena-ts/sandbox';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { Balena } from '../src/index.js';

// Two servers and one data directory: a session belongs to the server that issued it.
let serverA: Sandbox;
let serverB: Sandbox;
let dataDirectory: string;

/** Every request a client sends: the server's origin and the credential it carried. */
interface SentRequest {
  origin: string;
  authorization: string | null;
}

function recordingFetch(sent: SentRequest[]): typeof fetch {
  return (input, init) => {
    const request = new Request(input, init);
    sent.push({ origin: new URL(request.url).origin, authorization: request.headers.get('authorization') });
    return fetch(request);
  };
}

function balenaFor(server: Sandbox, sent: SentRequest[] = []): Balena {
  return new Balena({ apiUrl: server.url, dataDirectory, retry: false, fetch: recordingFetch(sent) });
}

beforeAll(async () => {
  [serverA, serverB] = await Promise.all([startSandbox({ port: 0 }), startSandbox({ port: 0 })]);
});

afterAll(async () => {
  await Promise.all([serverA?.close(), serverB?.close()]);
});

beforeEach(() => {
  dataDirectory = fs.mkdtempSync(path.join(os.tmpdir(), 'balena-ts-sessions-'));
});

afterEach(() => {
  fs.rmSync(dataDirectory, { recursive: true, force: true });
});

describe('sessions in a shared data directory', () => {
  test("logging into one server never gives another server's client a session", async () => {
    const onA = balenaFor(serverA);
    await onA.auth.login({ username: serverA.superuser.email, password: serverA.superuser.password });
    const tokenOfA = await onA.auth.getToken();

    const sentToB: SentRequest[] = [];
    const onB = balenaFor(serverB, sentToB);
    expect(await onB.auth.isLoggedIn()).toBe(false);
    await expect(onB.auth.getToken()).rejects.toThrow();

    // B logs in on its own; A's session is still there, untouched.
    await onB.auth.login({ username: serverB.superuser.email, password: serverB.superuser.password });
    expect(await onB.auth.whoAmI()).toBe(serverB.superuser.username);
    expect(await balenaFor(serverA).auth.getToken()).toBe(tokenOfA);
    expect(await balenaFor(serverB).auth.getToken()).not.toBe(tokenOfA);

    expect(sentToB.length).toBeGreaterThan(0);
    expect(sentToB.every((request) => request.origin === new URL(serverB.url).origin)).toBe(true);
    expect(sentToB.filter((request) => request.authorization?.includes(tokenOfA))).toEqual([]);
  });

  test("a balena CLI session (the directory's token file) is never sent to a server it was not issued by", async () => {
    // What `balena login` leaves behind for balenaCloud; here a token the sandbox A would accept.
    fs.writeFileSync(path.join(dataDirectory, 'token'), serverA.superuser.token, { mode: 0o600 });

    const sentToA: SentRequest[] = [];
    const onA = balenaFor(serverA, sentToA);
    expect(await onA.auth.isLoggedIn()).toBe(false);
    await onA.auth.login({ username: serverA.superuser.email, password: serverA.superuser.password });
    await onA.auth.logOut();

    expect(sentToA.filter((request) => request.authorization?.includes(serverA.superuser.token))).toEqual([]);
    // The CLI's session is left as it was, through a login and a logout against another server.
    expect(fs.readFileSync(path.join(dataDirectory, 'token'), 'utf8')).toBe(serverA.superuser.token);
  });
});
