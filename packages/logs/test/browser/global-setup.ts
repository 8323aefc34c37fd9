// The Node side of the browser tests: a sandbox with one fleet and one simulated device whose
// device key the page uses to post log lines, as the device itself would.
import { randomBytes } from 'node:crypto';
import { startSandbox } from '@balena-ts/sandbox';
import type { TestProject } from 'vitest/node';

/** What the browser tests get from the Node side. */
export interface LogsBrowserSandbox {
  url: string;
  /** The superuser's token. */
  token: string;
  /** The broker over WebSocket. */
  mqttWsUrl: string;
  device: { id: number; uuid: string; apiKey: string };
}

declare module 'vitest' {
  export interface ProvidedContext {
    logsSandbox: LogsBrowserSandbox;
  }
}

async function expectOk(response: Response, what: string): Promise<Response> {
  if (!response.ok) throw new Error(`${what}: ${response.status} ${await response.text()}`);
  return response;
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const sandbox = await startSandbox({ logHeartbeatMs: 500 });
  try {
    const application = await sandbox.seedApplication({ name: `browser-logs-${randomBytes(3).toString('hex')}` });
    const keyResponse = await expectOk(
      await fetch(`${sandbox.url}/api-key/application/${application.id}/provisioning`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${sandbox.superuser.token}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({ name: 'provisioning' }),
      }),
      'provisioning key',
    );
    const provisioningKey = (await keyResponse.json()) as string;
    const registered = await expectOk(
      await fetch(`${sandbox.url}/device/register`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${provisioningKey}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({
          user: sandbox.superuser.id,
          application: application.id,
          device_type: 'raspberrypi4-64',
          uuid: randomBytes(16).toString('hex'),
        }),
      }),
      'register',
    );
    const row = (await registered.json()) as { id: number; uuid: string; api_key: string };
    // No routine lines: every line a test sees is one it posted.
    await sandbox.simulateDevice(row.uuid, { logIntervalMs: 0 });
    project.provide('logsSandbox', {
      url: sandbox.url,
      token: sandbox.superuser.token,
      mqttWsUrl: sandbox.mqttWsUrl,
      device: { id: row.id, uuid: row.uuid, apiKey: row.api_key },
    });
  } catch (error) {
    await sandbox.close();
    throw error;
  }
  return async () => {
    await sandbox.close();
  };
}
