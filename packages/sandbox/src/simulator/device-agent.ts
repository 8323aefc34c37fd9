import { randomHex } from '../auth/random.js';
import type { SandboxContext } from '../context.js';
import { updateRow } from '../store/new-row.js';
import { AgentApi } from './agent-api.js';
import type { ServiceState, TargetRelease } from './agent-services.js';
import { appsReport, containersFor, parseTargetState } from './agent-services.js';
import type { SimulateDeviceOptions, SimulatedLogOptions } from './simulator-types.js';

const DEFAULT_POLL_INTERVAL_MS = 60_000;
const DEFAULT_LOG_INTERVAL_MS = 30_000;
const DEFAULT_REBOOT_DELAY_MS = 1_000;
const DEFAULT_DOWNLOAD_STEP_MS = 50;
const DOWNLOAD_PROGRESS_STEPS = [0, 50, 100];
/** The port a real supervisor listens on, reported as `api_port`. */
const SUPERVISOR_PORT = 48484;

const sleep = (milliseconds: number) => new Promise<void>((resolve) => setTimeout(resolve, milliseconds).unref());

/** Where a simulated device is in its life. */
export type AgentPower = 'online' | 'offline' | 'stopped';

/**
 * One simulated device: its state machine (online, offline, rebooting), its containers and the
 * calls a real supervisor makes to the API. Every API call is queued so reports stay in order.
 */
export class DeviceAgent {
  readonly id: number;
  readonly uuid: string;
  supervisorApiKey: string = randomHex(32);
  locked: boolean;
  power: AgentPower = 'offline';
  target: TargetRelease | undefined;
  /** A downloaded release waiting for the update lock. */
  pending: TargetRelease | undefined;
  services: Map<string, ServiceState> = new Map();
  private readonly context: SandboxContext;
  private readonly api: AgentApi;
  private readonly settings: Required<Omit<SimulateDeviceOptions, 'locked'>>;
  private readonly timers = new Set<NodeJS.Timeout>();
  private queue: Promise<unknown> = Promise.resolve();
  private routineLines = 0;
  private halted = false;
  private installing: string | null = null;

  constructor(
    context: SandboxContext,
    device: { id: number; uuid: string },
    deviceKey: string,
    options: SimulateDeviceOptions,
  ) {
    this.context = context;
    this.id = device.id;
    this.uuid = device.uuid;
    this.api = new AgentApi(context, deviceKey);
    this.locked = options.locked ?? false;
    this.settings = {
      pollIntervalMs: options.pollIntervalMs ?? DEFAULT_POLL_INTERVAL_MS,
      logIntervalMs: options.logIntervalMs ?? DEFAULT_LOG_INTERVAL_MS,
      rebootDelayMs: options.rebootDelayMs ?? DEFAULT_REBOOT_DELAY_MS,
      downloadStepMs: options.downloadStepMs ?? DEFAULT_DOWNLOAD_STEP_MS,
    };
  }

  /** Runs `task` after every queued API call; a failure (the sandbox closing) never escapes. */
  private enqueue<T>(task: () => Promise<T>): Promise<T | undefined> {
    const run = () => (this.halted ? Promise.resolve(undefined) : task());
    const next = this.queue.then(run, run).catch(() => undefined);
    this.queue = next;
    return next;
  }

  private every(intervalMs: number, task: () => Promise<unknown>): void {
    if (intervalMs <= 0) return;
    const timer = setInterval(() => void task(), intervalMs);
    timer.unref();
    this.timers.add(timer);
  }

  private later(delayMs: number, task: () => Promise<unknown>): void {
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      void task();
    }, delayMs);
    timer.unref();
    this.timers.add(timer);
  }

  private clearTimers(): void {
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
  }

  /** The in-process VPN: the proxy reaches only devices with `is_connected_to_vpn`. */
  private setConnected(connected: boolean): void {
    const now = new Date(this.context.now()).toISOString();
    const changes: Record<string, unknown> = { is_connected_to_vpn: connected, last_vpn_event: now };
    if (!connected) {
      changes.api_heartbeat_state = 'offline';
      changes.changed_api_heartbeat_state_on__date = now;
    }
    if (!this.context.store.get('device', this.id)) return;
    updateRow(this.context.store, 'device', this.id, changes);
    this.context.events.emit('device-changed', this.id);
  }

  /** Writes log lines through the API, in order. */
  log(message: string, options: SimulatedLogOptions = {}): Promise<void> {
    const line = { message, timestamp: options.timestamp ?? Date.now(), ...options };
    return this.enqueue(() => this.api.send('POST', `/device/v2/${this.uuid}/logs`, [line])).then(() => {});
  }

  /** Logs a supervisor (system) line. */
  systemLog(message: string): Promise<void> {
    return this.log(message, { isSystem: true });
  }

  private report(fields: Record<string, unknown>): Promise<unknown> {
    const apps = this.target ? appsReport(this.target, this.services) : {};
    return this.enqueue(() => this.api.send('PATCH', '/device/v3/state', { [this.uuid]: { ...fields, apps } }));
  }

  /** Reports the containers as they are now. */
  reportServices(): Promise<unknown> {
    return this.report({});
  }

  /** Connects, reports itself, polls and runs its target; resolves once the target runs. */
  async goOnline(): Promise<void> {
    if (this.power === 'stopped') return;
    this.clearTimers();
    this.power = 'online';
    this.setConnected(true);
    void this.systemLog('Supervisor starting');
    const device = this.context.store.get('device', this.id);
    await this.report({
      status: 'Idle',
      is_online: true,
      os_version: (device?.os_version as string | null) ?? 'balenaOS 6.0.0',
      os_variant: (device?.os_variant as string | null) ?? 'prod',
      supervisor_version: (device?.supervisor_version as string | null) ?? '17.0.0',
      ip_address: `10.0.${Math.floor(this.id / 250) % 250}.${(this.id % 250) + 2}`,
      api_port: SUPERVISOR_PORT,
    });
    await this.update();
    // It may have gone offline (or been stopped) while it was coming up.
    if (this.power !== 'online') return;
    this.every(this.settings.pollIntervalMs, () => this.update());
    this.every(this.settings.logIntervalMs, () => this.log(`Service heartbeat ${++this.routineLines}`));
  }

  /** Disconnects and marks the heartbeat offline; timers stop. */
  async goOffline(): Promise<void> {
    this.clearTimers();
    if (this.power === 'stopped') return;
    this.power = 'offline';
    await this.queue;
    this.setConnected(false);
  }

  /** Ends the simulation for good. */
  async stop(): Promise<void> {
    await this.goOffline();
    this.power = 'stopped';
  }

  /** Stops at once without touching the API (the sandbox is closing). */
  halt(): void {
    this.clearTimers();
    this.halted = true;
    this.power = 'stopped';
  }

  /**
   * Polls the target state (the API heartbeat) and runs it. With the update lock held (and no
   * `force`), a new release is downloaded but waits until the lock is released.
   */
  async update(force = false): Promise<void> {
    if (this.power !== 'online') return;
    const state = await this.enqueue(() => this.api.send('GET', `/device/v3/${this.uuid}/state`));
    const target = parseTargetState(state, this.uuid);
    if (!target || this.power !== 'online' || this.installing === target.commit) return;
    if (this.target && this.target.commit === target.commit) {
      this.target.config = target.config;
      this.pending = undefined;
      return;
    }
    if (this.pending?.commit === target.commit) {
      if (!this.locked || force) await this.applyPending();
      return;
    }
    this.installing = target.commit;
    try {
      await this.install(target, force);
    } finally {
      this.installing = null;
    }
  }

  /** Takes or releases the update lock; releasing it applies a release that waited for it. */
  setLocked(locked: boolean): void {
    this.locked = locked;
    if (!locked && this.pending && this.power === 'online') void this.applyPending();
  }

  private async download(): Promise<void> {
    for (const progress of DOWNLOAD_PROGRESS_STEPS) {
      for (const service of this.services.values()) {
        if (service.status === 'Downloading') service.downloadProgress = progress;
      }
      await this.report({ status: 'Downloading', download_progress: progress });
      await sleep(this.settings.downloadStepMs);
    }
  }

  /** Downloads (with progress reports) and starts a new target release, as a supervisor would. */
  private async install(target: TargetRelease, force: boolean): Promise<void> {
    if (target.commit !== null && this.target?.commit && this.locked && !force) {
      await this.download();
      this.pending = target;
      void this.systemLog('Updates are locked: the new release waits for the lock');
      await this.report({ status: 'Idle', download_progress: null });
      return;
    }
    this.target = target;
    this.pending = undefined;
    if (target.commit === null) {
      this.services = new Map();
      await this.report({ status: 'Idle', download_progress: null });
      return;
    }
    this.services = containersFor(target, 'Downloading');
    await this.download();
    for (const service of this.services.values()) {
      service.status = 'Running';
      service.downloadProgress = null;
      void this.systemLog(`Installed and started service '${service.name}'`);
    }
    await this.report({ status: 'Idle', download_progress: null });
  }

  /** Starts the release that waited for the update lock. */
  private async applyPending(): Promise<void> {
    const target = this.pending;
    if (!target) return;
    this.pending = undefined;
    this.target = target;
    this.services = containersFor(target, 'Running');
    for (const service of this.services.values()) {
      void this.systemLog(`Installed and started service '${service.name}'`);
    }
    await this.report({ status: 'Idle', download_progress: null });
  }

  /** Goes offline for the reboot delay, then comes back; the logs say so. */
  async reboot(): Promise<void> {
    await this.systemLog('Rebooting');
    await this.goOffline();
    this.services = new Map();
    const target = this.target;
    this.target = undefined;
    this.later(this.settings.rebootDelayMs, async () => {
      if (this.power !== 'offline') return;
      this.target = target;
      if (target) this.services = containersFor(target, 'Running');
      await this.goOnline();
    });
  }

  /** Goes offline until {@link DeviceAgent.goOnline}. */
  async shutdown(): Promise<void> {
    await this.systemLog('Shutting down');
    await this.goOffline();
  }
}
