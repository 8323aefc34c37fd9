import { randomHex } from '../auth/random.js';
import type { SandboxContext } from '../context.js';
import { updateRow } from '../store/new-row.js';
import { AgentApi } from './agent-api.js';
import { hardwareMetrics, macAddresses } from './agent-hardware.js';
import { AgentSchedule } from './agent-schedule.js';
import type { ServiceState, TargetRelease } from './agent-services.js';
import { appsReport, containersFor } from './agent-services.js';
import { applyPendingRelease, pollAndApplyTarget } from './agent-updates.js';
import type { SimulateDeviceOptions, SimulatedLogOptions } from './simulator-types.js';

const DEFAULT_POLL_INTERVAL_MS = 60_000;
const DEFAULT_LOG_INTERVAL_MS = 30_000;
const DEFAULT_REBOOT_DELAY_MS = 1_000;
const DEFAULT_DOWNLOAD_STEP_MS = 50;
/** The port a real supervisor listens on, reported as `api_port`. */
const SUPERVISOR_PORT = 48484;

/** Where a simulated device is in its life. */
export type AgentPower = 'online' | 'offline' | 'stopped';

/**
 * One simulated device: its state machine (online, offline, rebooting), its containers and the
 * calls a real supervisor makes to the API. Every API call is queued so reports stay in order;
 * what it does with its target release is in `agent-updates.ts`.
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
  /** The commit being downloaded, so overlapping polls do not install it twice. */
  installing: string | null = null;
  /** The OS release a host OS update is installing (see `agent-os-update.ts`). */
  osUpdating: number | null = null;
  /** An OS release whose update failed: not retried until the target changes. */
  failedOsTarget: number | null = null;
  /** The OS the last host OS update installed. */
  installedOs: { os_version: string; os_variant: string } | undefined;
  /** The OS the next boot reports, once an update has installed it. */
  bootInto: { os_version: string; os_variant: string } | undefined;
  /** Host OS updates fail at install (tests of the failure path). */
  readonly failOsUpdate: boolean;
  /** Checks the device's target OS release (set by the simulator): an update may be due. */
  onOsTarget: (() => void) | undefined;
  private readonly context: SandboxContext;
  private readonly api: AgentApi;
  private readonly settings: Required<Omit<SimulateDeviceOptions, 'locked' | 'failOsUpdate'>>;
  private readonly schedule = new AgentSchedule();
  private routineLines = 0;
  private metricReports = 0;

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
    this.failOsUpdate = options.failOsUpdate ?? false;
    this.settings = {
      pollIntervalMs: options.pollIntervalMs ?? DEFAULT_POLL_INTERVAL_MS,
      logIntervalMs: options.logIntervalMs ?? DEFAULT_LOG_INTERVAL_MS,
      rebootDelayMs: options.rebootDelayMs ?? DEFAULT_REBOOT_DELAY_MS,
      downloadStepMs: options.downloadStepMs ?? DEFAULT_DOWNLOAD_STEP_MS,
    };
  }

  /** How long each step of a simulated download takes. */
  get downloadStepMs(): number {
    return this.settings.downloadStepMs;
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
  }

  /** Writes log lines through the API, in order. */
  log(message: string, options: SimulatedLogOptions = {}): Promise<void> {
    const line = { message, timestamp: options.timestamp ?? Date.now(), ...options };
    return this.schedule.enqueue(() => this.api.send('POST', `/device/v2/${this.uuid}/logs`, [line])).then(() => {});
  }

  /** Logs a supervisor (system) line. */
  systemLog(message: string): Promise<void> {
    return this.log(message, { isSystem: true });
  }

  /** Reports its state (`PATCH /device/v3/state`) with `fields` and the containers. */
  report(fields: Record<string, unknown>): Promise<unknown> {
    const apps = this.target ? appsReport(this.target, this.services) : {};
    return this.schedule.enqueue(() =>
      this.api.send('PATCH', '/device/v3/state', { [this.uuid]: { ...fields, apps } }),
    );
  }

  /** PATCHes its own device row with its device key, as balenaOS's `resin-device-progress` does. */
  patchSelf(fields: Record<string, unknown>): Promise<unknown> {
    return this.schedule.enqueue(() => this.api.send('PATCH', `/v7/device(uuid='${this.uuid}')`, fields));
  }

  /** Reports the containers as they are now. */
  reportServices(): Promise<unknown> {
    return this.report({});
  }

  /** Connects, reports itself, polls and runs its target; resolves once the target runs. */
  async goOnline(): Promise<void> {
    if (this.power === 'stopped') return;
    this.schedule.clearTimers();
    this.power = 'online';
    this.setConnected(true);
    void this.systemLog('Supervisor starting');
    const device = this.context.store.get('device', this.id);
    // After a host OS update the device boots into the new OS and clears the update's progress.
    const booted = this.bootInto;
    this.bootInto = undefined;
    await this.report({
      status: 'Idle',
      is_online: true,
      ...(booted ? { provisioning_progress: null, provisioning_state: '' } : {}),
      os_version: booted?.os_version ?? (device?.os_version as string | null) ?? 'balenaOS 6.0.0',
      os_variant: booted?.os_variant ?? (device?.os_variant as string | null) ?? 'prod',
      supervisor_version: (device?.supervisor_version as string | null) ?? '17.0.0',
      ip_address: `10.0.${Math.floor(this.id / 250) % 250}.${(this.id % 250) + 2}`,
      api_port: SUPERVISOR_PORT,
      mac_address: macAddresses(this.id),
      ...this.nextMetrics(),
    });
    await this.update();
    // It may have gone offline (or been stopped) while it was coming up.
    if (this.power !== 'online') return;
    this.onOsTarget?.();
    this.schedule.every(this.settings.pollIntervalMs, () => this.update());
    // A real supervisor sends fresh hardware metrics with its periodic state reports.
    this.schedule.every(this.settings.pollIntervalMs, () => this.report(this.nextMetrics()));
    this.schedule.every(this.settings.logIntervalMs, () => this.log(`Service heartbeat ${++this.routineLines}`));
  }

  /** The hardware metrics of the next report. */
  private nextMetrics(): Record<string, unknown> {
    return hardwareMetrics(this.id, this.metricReports++);
  }

  /** Disconnects and marks the heartbeat offline; timers stop. */
  async goOffline(): Promise<void> {
    this.schedule.clearTimers();
    if (this.power === 'stopped') return;
    this.power = 'offline';
    await this.schedule.drain();
    this.setConnected(false);
  }

  /** Ends the simulation for good. */
  async stop(): Promise<void> {
    await this.goOffline();
    this.power = 'stopped';
  }

  /** Stops at once without touching the API (the sandbox is closing). */
  halt(): void {
    this.schedule.halt();
    this.power = 'stopped';
  }

  /** Polls its target state (`GET /device/v3/:uuid/state`), which is also its API heartbeat. */
  fetchTargetState(): Promise<unknown> {
    return this.schedule.enqueue(() => this.api.send('GET', `/device/v3/${this.uuid}/state`));
  }

  /** Polls the target state and runs it (see `agent-updates.ts`). */
  update(force = false): Promise<void> {
    return pollAndApplyTarget(this, force);
  }

  /** Takes or releases the update lock; releasing it applies a release that waited for it. */
  setLocked(locked: boolean): void {
    this.locked = locked;
    if (!locked && this.pending && this.power === 'online') void applyPendingRelease(this);
  }

  /** Goes offline for the reboot delay, then comes back; the logs say so. */
  async reboot(): Promise<void> {
    await this.systemLog('Rebooting');
    await this.goOffline();
    this.services = new Map();
    const target = this.target;
    this.target = undefined;
    this.schedule.later(this.settings.rebootDelayMs, async () => {
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
