// The Node side of the browser tests: a sandbox with a fleet running a release, one simulated
// device free to act and one holding an update lock.
import { startSandbox } from '@balena-ts/sandbox';
import type { TestProject } from 'vitest/node';

/** What the browser tests get from the Node side. */
export interface SupervisorBrowserSandbox {
  url: string;
  /** The superuser's token. */
  token: string;
  applicationId: number;
  /** The commit of the release the devices run. */
  commit: string;
  device: { id: number; uuid: string };
  lockedDevice: { id: number; uuid: string };
}

declare module 'vitest' {
  export interface ProvidedContext {
    supervisorSandbox: SupervisorBrowserSandbox;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const sandbox = await startSandbox();
  try {
    const applicationId = (await sandbox.seedApplication({ name: 'browser-supervised' })).id;
    const release = await sandbox.seedRelease({ application: applicationId, services: ['main'] });
    const timings = { rebootDelayMs: 300, downloadStepMs: 1, logIntervalMs: 0 };
    const [device] = (await sandbox.simulateFleet({ application: applicationId, count: 1, ...timings })).devices;
    const [lockedDevice] = (
      await sandbox.simulateFleet({ application: applicationId, count: 1, locked: true, ...timings })
    ).devices;
    if (!device || !lockedDevice) throw new Error('the sandbox simulated no device');
    project.provide('supervisorSandbox', {
      url: sandbox.url,
      token: sandbox.superuser.token,
      applicationId,
      commit: release.commit,
      device: { id: device.id, uuid: device.uuid },
      lockedDevice: { id: lockedDevice.id, uuid: lockedDevice.uuid },
    });
  } catch (error) {
    await sandbox.close();
    throw error;
  }
  return async () => {
    await sandbox.close();
  };
}
