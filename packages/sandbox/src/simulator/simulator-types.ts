/** Options of {@link Sandbox.simulateDevice}. */
export interface SimulateDeviceOptions {
  /** How often the device polls its target state (its API heartbeat); default 60 000. */
  pollIntervalMs?: number;
  /** How often it writes a routine log line; default 30 000; 0 for none. */
  logIntervalMs?: number;
  /** How long a reboot keeps it offline; default 1 000. */
  rebootDelayMs?: number;
  /** The pause between download-progress reports when its target release changes; default 50. */
  downloadStepMs?: number;
  /** Starts with an update lock held (supervisor actions answer 423 unless forced); default false. */
  locked?: boolean;
  /** Host OS updates started on it fail at install, reporting `OS update failed`; default false. */
  failOsUpdate?: boolean;
}

/** Options of a log line written by {@link SimulatedDevice.log}. */
export interface SimulatedLogOptions {
  /** A supervisor (system) line rather than a service's; default false. */
  isSystem?: boolean;
  /** Written to stderr; default false. */
  isStdErr?: boolean;
  /** The service id the line belongs to. */
  serviceId?: number;
  /** Epoch ms; default now. */
  timestamp?: number;
}

/**
 * A registered device kept alive by the sandbox: it polls its target state (heartbeat online), is
 * connected to the sandbox's in-process VPN, runs its fleet's target release (service and image
 * installs), writes logs and answers supervisor calls.
 */
export interface SimulatedDevice {
  /** The device's uuid. */
  readonly uuid: string;
  /** The device's id. */
  readonly id: number;
  /**
   * The shared local supervisor's base URL: what `BALENA_SUPERVISOR_ADDRESS` holds on the device.
   * Requests there are routed to this device by its API key.
   */
  readonly supervisorUrl: string;
  /** This device's supervisor API key (`BALENA_SUPERVISOR_API_KEY`); changes on regenerate-api-key. */
  readonly supervisorApiKey: string;
  /** Stops simulating: timers end and the device goes offline. */
  stop(): Promise<void>;
  /** Takes or releases the update lock (locked: reboot, shutdown, purge, restart, stop answer 423). */
  setLocked(locked: boolean): void;
  /** Disconnects from the VPN and marks the API heartbeat offline until {@link SimulatedDevice.goOnline}. */
  goOffline(): Promise<void>;
  /** Connects, reports its state, polls its target and runs it; resolves once the target runs. */
  goOnline(): Promise<void>;
  /** Writes a log line as the device does (`POST /device/v2/:uuid/logs` with its device key). */
  log(message: string, options?: SimulatedLogOptions): Promise<void>;
}

/** Options of {@link Sandbox.simulateFleet}. */
export interface SimulateFleetOptions extends SimulateDeviceOptions {
  /** The fleet's id. */
  application: number;
  /** How many devices to register and simulate. */
  count: number;
  /** A device-type slug; default the fleet's. */
  deviceType?: string;
}

/** What {@link Sandbox.simulateFleet} started. */
export interface SimulatedFleet {
  /** The registered and simulated devices. */
  devices: SimulatedDevice[];
  /** Stops every device of the fleet. */
  stop(): Promise<void>;
}
