import * as semver from 'balena-semver';
import { rawVersion } from '../domain/release-version.js';
import type { Row } from '../store/row.js';
import type { DeviceAgent } from './device-agent.js';

// A host OS update as balenaOS runs it: the update script reports its progress with
// `resin-device-progress`, which PATCHes the device's `provisioning_progress` and
// `provisioning_state` with `status: configuring` (meta-balena); then the device reboots into the
// new OS and its supervisor reports the new `os_version`. The states are the sandbox's own words.
const STEPS: readonly [number, string][] = [
  [10, 'Preparing OS update'],
  [30, 'Downloading OS update'],
  [50, 'Downloading OS update'],
  [70, 'Installing OS update'],
  [90, 'Installing OS update'],
  [100, 'OS update successful, rebooting'],
];
/** The state a failed update leaves, as balena's update scripts report it. */
export const OS_UPDATE_FAILED_STATE = 'OS update failed';
const FAILING_STEP_PERCENTAGE = 70;

const sleep = (milliseconds: number) => new Promise<void>((resolve) => setTimeout(resolve, milliseconds).unref());

/** The OS version and variant a release installs (`2.88.4+rev2.prod` gives `2.88.4+rev2` and `prod`). */
function installedBy(release: Row): { version: string; variant: string } {
  const raw = rawVersion(release);
  const variant = (release.variant as string | null) || 'prod';
  return { version: raw.replace(/\.(dev|prod)$/, ''), variant };
}

function runsAlready(agent: DeviceAgent, device: Row, version: string): boolean {
  // Until its first report after the reboot lands, the row still shows the old version.
  const current = agent.installedOs?.os_version ?? (device.os_version as string | null);
  return current !== null && semver.valid(current) !== null && semver.compare(current, version) === 0;
}

/**
 * Starts the host OS update a simulated device's target OS release asks for, unless it runs that
 * version, is offline, is already updating, or this target failed before.
 */
export function maybeUpdateOs(agent: DeviceAgent, device: Row, release: Row | undefined): void {
  if (!release || agent.power !== 'online' || agent.osUpdating !== null) return;
  if (agent.failedOsTarget === release.id) return;
  const target = installedBy(release);
  if (runsAlready(agent, device, target.version)) return;
  agent.osUpdating = release.id;
  // Started outside the store write that announced the new target.
  queueMicrotask(() => void runOsUpdate(agent, release.id, target));
}

async function runOsUpdate(
  agent: DeviceAgent,
  releaseId: number,
  target: { version: string; variant: string },
): Promise<void> {
  try {
    void agent.systemLog(`Host OS update to balenaOS ${target.version} started`);
    for (const [percentage, state] of STEPS) {
      if (agent.power !== 'online') return;
      if (agent.failOsUpdate && percentage >= FAILING_STEP_PERCENTAGE) {
        agent.failedOsTarget = releaseId;
        await agent.patchSelf({
          status: 'configuring',
          provisioning_progress: 100,
          provisioning_state: OS_UPDATE_FAILED_STATE,
        });
        void agent.systemLog('Host OS update failed');
        return;
      }
      await agent.patchSelf({ status: 'configuring', provisioning_progress: percentage, provisioning_state: state });
      await sleep(agent.downloadStepMs);
    }
    agent.installedOs = { os_version: `balenaOS ${target.version}`, os_variant: target.variant };
    agent.bootInto = agent.installedOs;
    await agent.reboot();
  } finally {
    agent.osUpdating = null;
  }
}
