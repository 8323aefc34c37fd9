import type { TargetRelease } from './agent-services.js';
import { containersFor, parseTargetState } from './agent-services.js';
import type { DeviceAgent } from './device-agent.js';

const DOWNLOAD_PROGRESS_STEPS = [0, 50, 100];

const sleep = (milliseconds: number) => new Promise<void>((resolve) => setTimeout(resolve, milliseconds).unref());

/**
 * What a supervisor does with its target state: polls it (the API heartbeat) and runs it. With the
 * update lock held (and no `force`), a new release is downloaded but waits until the lock is released.
 */
export async function pollAndApplyTarget(agent: DeviceAgent, force: boolean): Promise<void> {
  if (agent.power !== 'online') return;
  const target = parseTargetState(await agent.fetchTargetState(), agent.uuid);
  if (!target || agent.power !== 'online' || agent.installing === target.commit) return;
  if (agent.target && agent.target.commit === target.commit) {
    agent.target.config = target.config;
    agent.pending = undefined;
    return;
  }
  if (agent.pending?.commit === target.commit) {
    if (!agent.locked || force) await applyPendingRelease(agent);
    return;
  }
  agent.installing = target.commit;
  try {
    await install(agent, target, force);
  } finally {
    agent.installing = null;
  }
}

async function download(agent: DeviceAgent): Promise<void> {
  for (const progress of DOWNLOAD_PROGRESS_STEPS) {
    for (const service of agent.services.values()) {
      if (service.status === 'Downloading') service.downloadProgress = progress;
    }
    await agent.report({ status: 'Downloading', download_progress: progress });
    await sleep(agent.downloadStepMs);
  }
}

/** Downloads (with progress reports) and starts a new target release, as a supervisor would. */
async function install(agent: DeviceAgent, target: TargetRelease, force: boolean): Promise<void> {
  if (target.commit !== null && agent.target?.commit && agent.locked && !force) {
    await download(agent);
    agent.pending = target;
    void agent.systemLog('Updates are locked: the new release waits for the lock');
    await agent.report({ status: 'Idle', download_progress: null });
    return;
  }
  agent.target = target;
  agent.pending = undefined;
  if (target.commit === null) {
    agent.services = new Map();
    await agent.report({ status: 'Idle', download_progress: null });
    return;
  }
  agent.services = containersFor(target, 'Downloading');
  await download(agent);
  for (const service of agent.services.values()) {
    service.status = 'Running';
    service.downloadProgress = null;
    void agent.systemLog(`Installed and started service '${service.name}'`);
  }
  await agent.report({ status: 'Idle', download_progress: null });
}

/** Starts the release that waited for the update lock. */
export async function applyPendingRelease(agent: DeviceAgent): Promise<void> {
  const target = agent.pending;
  if (!target) return;
  agent.pending = undefined;
  agent.target = target;
  agent.services = containersFor(target, 'Running');
  for (const service of agent.services.values()) {
    void agent.systemLog(`Installed and started service '${service.name}'`);
  }
  await agent.report({ status: 'Idle', download_progress: null });
}
