import type { SandboxContext } from '../context.js';
import { faultsOf } from '../faults/fault-registry.js';
import type { SandboxFaults } from '../faults/fault-types.js';
import { logsOf } from '../logs/logs-of.js';
import { startMqttBroker } from '../logs/mqtt-broker.js';
import type { SandboxOptions } from '../types.js';
import { simulatorOf } from './device-simulator.js';
import type {
  SimulateDeviceOptions,
  SimulatedDevice,
  SimulatedFleet,
  SimulateFleetOptions,
} from './simulator-types.js';

/** What the runtime part of the sandbox adds to the `Sandbox` object. */
export interface SandboxRuntime {
  mqttUrl: string;
  mqttWsUrl: string;
  faults: SandboxFaults;
  simulateDevice(uuid: string, options?: SimulateDeviceOptions): Promise<SimulatedDevice>;
  simulateFleet(options: SimulateFleetOptions): Promise<SimulatedFleet>;
}

/**
 * Starts the parts of a sandbox that live beside the HTTP server: log settings, the MQTT broker,
 * the fault registry and the device simulator. Runs before routes are registered; everything it
 * starts is stopped by `context.runClosers()`.
 */
export async function startRuntime(
  context: SandboxContext,
  setup: { options: SandboxOptions },
): Promise<SandboxRuntime> {
  const logs = logsOf(context);
  if (setup.options.logHeartbeatMs !== undefined) logs.heartbeatIntervalMs = setup.options.logHeartbeatMs;
  const simulator = simulatorOf(context);
  simulator.disconnectAll();
  const faults = faultsOf(context);
  const mqtt = await startMqttBroker(context);
  context.onClose(() => mqtt.close());
  return {
    mqttUrl: mqtt.url,
    mqttWsUrl: mqtt.wsUrl,
    faults: {
      add: (spec) => faults.add(spec),
      list: () => faults.list(),
      clear: () => faults.clear(),
    },
    simulateDevice: (uuid, options) => simulator.simulateDevice(uuid, options),
    simulateFleet: (options) => simulator.simulateFleet(options),
  };
}
