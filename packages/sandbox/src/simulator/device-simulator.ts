import { randomBytes } from 'node:crypto';
import type { SandboxContext } from '../context.js';
import { createApiKey } from '../domain/api-keys.js';
import { updateRow } from '../store/new-row.js';
import { HASHED_KEY_PREFIX } from '../store/persistence.js';
import type { Row } from '../store/row.js';
import { SIMULATOR_HEADER } from './agent-api.js';
import { maybeUpdateOs } from './agent-os-update.js';
import { DeviceAgent } from './device-agent.js';
import type {
  SimulateDeviceOptions,
  SimulatedDevice,
  SimulatedFleet,
  SimulateFleetOptions,
} from './simulator-types.js';
import { LocalSupervisorServer } from './supervisor-server.js';

function handleOf(agent: DeviceAgent, supervisorUrl: string): SimulatedDevice {
  return {
    uuid: agent.uuid,
    id: agent.id,
    supervisorUrl,
    get supervisorApiKey() {
      return agent.supervisorApiKey;
    },
    stop: () => agent.stop(),
    setLocked: (locked) => agent.setLocked(locked),
    goOffline: () => agent.goOffline(),
    goOnline: () => agent.goOnline(),
    log: (message, options) => agent.log(message, options),
  };
}

/** Every simulated device of one sandbox, and the local supervisor server they share. */
export class DeviceSimulator {
  private readonly context: SandboxContext;
  private readonly agents = new Map<number, DeviceAgent>();
  private readonly handles = new Map<number, SimulatedDevice>();
  private server: Promise<LocalSupervisorServer> | undefined;

  constructor(context: SandboxContext) {
    this.context = context;
    context.onClose(() => this.close());
    context.store.onChange((resource, id, row) => {
      if (resource === 'device' && row !== undefined) {
        const agent = this.agentOf(id);
        if (agent) maybeUpdateOs(agent, row, this.osTargetOf(row));
        return;
      }
      if (resource !== 'device' || row !== undefined) return;
      void this.agents.get(id)?.stop();
      this.agents.delete(id);
      this.handles.delete(id);
    });
  }

  /**
   * Marks every device disconnected from the VPN: a data file may remember devices that were
   * connected when the last sandbox stopped, but no VPN connection survives a restart.
   */
  disconnectAll(): void {
    const now = new Date(this.context.now()).toISOString();
    for (const device of [...this.context.store.all('device')]) {
      if (device.is_connected_to_vpn !== true) continue;
      updateRow(this.context.store, 'device', device.id, { is_connected_to_vpn: false, last_vpn_event: now });
    }
  }

  /** A device's target OS release (`should_be_operated_by__release`), if any. */
  private osTargetOf(device: Row): Row | undefined {
    const id = device.should_be_operated_by__release as number | null;
    return id === null ? undefined : this.context.store.get('release', id);
  }

  /** The running agent of a device, if it is simulated. */
  agentOf(deviceId: number): DeviceAgent | undefined {
    const agent = this.agents.get(deviceId);
    return agent?.power === 'stopped' ? undefined : agent;
  }

  private agentOfKey(key: string): DeviceAgent | undefined {
    for (const agent of this.agents.values()) {
      if (agent.supervisorApiKey === key && agent.power !== 'stopped') return agent;
    }
    return undefined;
  }

  private supervisorServer(): Promise<LocalSupervisorServer> {
    this.server ??= LocalSupervisorServer.start(
      (key) => this.agentOfKey(key),
      (id) => this.context.store.get('device', id),
    );
    return this.server;
  }

  /** The shared local supervisor server's URL (started on first use). */
  async supervisorUrl(): Promise<string> {
    return (await this.supervisorServer()).url;
  }

  /** A device key of the device: an existing one, or a new one as `generateDeviceKey` would make. */
  private deviceKey(actorId: number): string {
    const now = this.context.now();
    const existing = this.context.store
      .referencing('api_key', 'is_of__actor', actorId)
      // A key loaded from a data file is only a hash: the device then gets a new one.
      .find(
        (key) =>
          !String(key.key).startsWith(HASHED_KEY_PREFIX) &&
          (!key.expiry_date || Date.parse(key.expiry_date as string) > now),
      );
    return (existing?.key as string | undefined) ?? createApiKey(this.context.store, actorId, { name: 'simulator' });
  }

  /** Starts simulating a registered device; resolves once it is online and runs its target release. */
  async simulateDevice(
    uuid: string,
    options: SimulateDeviceOptions = {},
    deviceKey?: string,
  ): Promise<SimulatedDevice> {
    const device = this.context.store.findUnique('device', ['uuid'], [uuid]);
    if (!device) throw new Error(`No device with uuid ${uuid}`);
    const running = this.handles.get(device.id);
    if (running && this.agentOf(device.id)) return running;
    const server = await this.supervisorServer();
    const key = deviceKey ?? this.deviceKey(device.actor as number);
    const agent = new DeviceAgent(this.context, { id: device.id, uuid }, key, options);
    agent.onOsTarget = () => {
      const row = this.context.store.get('device', device.id);
      if (row) maybeUpdateOs(agent, row, this.osTargetOf(row));
    };
    const handle = handleOf(agent, server.url);
    this.agents.set(device.id, agent);
    this.handles.set(device.id, handle);
    await agent.goOnline();
    return handle;
  }

  /** Registers `count` devices through `POST /device/register` with a provisioning key, and simulates them. */
  async simulateFleet(options: SimulateFleetOptions): Promise<SimulatedFleet> {
    const { store } = this.context;
    const application = store.get('application', options.application);
    if (!application) throw new Error(`no application ${options.application}`);
    const deviceType =
      options.deviceType ?? (store.get('device_type', application.is_for__device_type as number)?.slug as string);
    const provisioningKey = createApiKey(store, application.actor as number, { name: 'simulateFleet' });
    const registered: { uuid: string; api_key: string }[] = [];
    for (let index = 0; index < options.count; index++) {
      const response = await fetch(`${this.context.url}/device/register`, {
        method: 'POST',
        headers: {
          Authorization: `Bearer ${provisioningKey}`,
          'Content-Type': 'application/json',
          [SIMULATOR_HEADER]: '1',
        },
        body: JSON.stringify({
          application: application.id,
          device_type: deviceType,
          uuid: randomBytes(16).toString('hex'),
          supervisor_version: '17.0.0',
          os_version: 'balenaOS 6.0.0',
          os_variant: 'prod',
        }),
      });
      if (response.status !== 201) throw new Error(`device registration failed: ${response.status}`);
      registered.push((await response.json()) as { uuid: string; api_key: string });
    }
    const devices = await Promise.all(
      registered.map((device) => this.simulateDevice(device.uuid, options, device.api_key)),
    );
    return { devices, stop: async () => void (await Promise.all(devices.map((device) => device.stop()))) };
  }

  /** Stops every device (no more API calls) and the local supervisor server. */
  async close(): Promise<void> {
    for (const agent of this.agents.values()) agent.halt();
    this.agents.clear();
    this.handles.clear();
    if (this.server) await (await this.server).close();
  }
}

const simulators = new WeakMap<SandboxContext, DeviceSimulator>();

/** The device simulator of one sandbox, created on first use. */
export function simulatorOf(context: SandboxContext): DeviceSimulator {
  let simulator = simulators.get(context);
  if (!simulator) {
    simulator = new DeviceSimulator(context);
    simulators.set(context, simulator);
  }
  return simulator;
}
