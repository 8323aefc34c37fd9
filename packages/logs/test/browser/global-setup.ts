// The Node side of the browser tests: a sandbox with one fleet and one simulated device whose
// device key the page uses to post log lines, as the device itself would.
import { randomBytes } from 'node:crypto';
import { startSandbox } from '@balena-ts/sandbox';
import type { TestProject } from 'vitest/node';
import { registerDeviceAsItself } from '../support/logs-sandbox.js';

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

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const sandbox = await startSandbox({ logHeartbeatMs: 500 });
  try {
    const application = await sandbox.seedApplication({ name: `browser-logs-${randomBytes(3).toString('hex')}` });
    const device = await registerDeviceAsItself(sandbox, application.id);
    // No routine lines: every line a test sees is one it posted.
    await sandbox.simulateDevice(device.uuid, { logIntervalMs: 0 });
    project.provide('logsSandbox', {
      url: sandbox.url,
      token: sandbox.superuser.token,
      mqttWsUrl: sandbox.mqttWsUrl,
      device,
    });
  } catch (error) {
    await sandbox.close();
    throw error;
  }
  return async () => {
    await sandbox.close();
  };
}
