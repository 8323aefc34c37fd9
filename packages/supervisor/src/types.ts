/** A device argument: a full uuid (32 or 62 hex characters) or a numeric id. */
export type DeviceUuid = string | number;

/** An application argument: the numeric id, as a number or a decimal string (balena's Python SDK reference passed ids as strings, e.g. `'9020'`). */
export type ApplicationId = string | number;

/** What the supervisor answers to reboot, shutdown and purge when it succeeds. */
export interface SupervisorActionResult {
  /** `'OK'` on success. */
  Data: string;
  /** Empty on success. */
  Error: string;
}

/** The device state as the supervisor reports it (`GET /v1/device`). */
export interface SupervisorDeviceState {
  /** The port of the supervisor API on the device (48484). */
  api_port?: number;
  /** The device's local IP addresses, space-separated. */
  ip_address?: string;
  /** The balenaOS version. */
  os_version?: string;
  /** The supervisor's version. */
  supervisor_version?: string;
  /** An update is waiting (for a lock, or to be downloaded). */
  update_pending?: boolean;
  /** The last update failed. */
  update_failed?: boolean;
  /** The update is downloaded and waits to be applied. */
  update_downloaded?: boolean;
  /** The supervisor's status, e.g. `'Idle'` or `'Downloading'`. */
  status?: string;
  /** The commit of the running release. */
  commit?: string;
  /** The download progress in percent, while downloading. */
  download_progress?: number | null;
  /** Any other field a newer supervisor adds. */
  [field: string]: unknown;
}

/** Where supervisor calls go: chosen from the environment, or forced. */
export type SupervisorEndpoint = 'auto' | 'device' | 'api';

/** The supervisor on the device itself, as a container sees it. */
export interface LocalSupervisor {
  /** `BALENA_SUPERVISOR_ADDRESS`, e.g. `'http://127.0.0.1:48484'`. */
  address: string;
  /** `BALENA_SUPERVISOR_API_KEY`. */
  apiKey: string;
  /** `BALENA_APP_ID`: the application the container belongs to. */
  appId?: ApplicationId;
  /** `BALENA_DEVICE_UUID`: the device the container runs on. */
  deviceUuid?: string;
}

/** Options of `configureSupervisor`. */
export interface SupervisorOptions {
  /**
   * `'auto'` (the default): the local supervisor when one is configured and the call names no
   * other device; `'device'`: always the local supervisor; `'api'`: always the API's proxy.
   */
  endpoint?: SupervisorEndpoint;
  /**
   * The local supervisor. Default: read from `BALENA_SUPERVISOR_ADDRESS`, `BALENA_SUPERVISOR_API_KEY`,
   * `BALENA_APP_ID` and `BALENA_DEVICE_UUID` when the platform has environment variables; `null`
   * turns the detection off.
   */
  localSupervisor?: LocalSupervisor | null;
  /** Receives each deprecation notice (once per function per process); default `console.warn`. */
  onDeprecation?: (message: string) => void;
}
