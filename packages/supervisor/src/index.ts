// The Supervisor model of balena's Python SDK reference (2018): supervisor actions through the
// balena API's proxy, or straight to the supervisor of the device this code runs on.

export { blink } from './blink.js';
export { configureSupervisor } from './configure-supervisor.js';
export { forceApiEndpoint } from './force-api-endpoint.js';
export { getApplicationInfo } from './get-application-info.js';
export { getDeviceState } from './get-device-state.js';
export { CONTAINER_ACTION_TIMEOUT_MS } from './internal/send.js';
export { ping } from './ping.js';
export { purge } from './purge.js';
export { reboot } from './reboot.js';
export { regenerateSupervisorApiKey } from './regenerate-supervisor-api-key.js';
export { restart } from './restart.js';
export { restartService } from './restart-service.js';
export { shutdown } from './shutdown.js';
export { startApplication } from './start-application.js';
export { startService } from './start-service.js';
export { stopApplication } from './stop-application.js';
export { stopService } from './stop-service.js';
export type {
  ApplicationId,
  DeviceUuid,
  LocalSupervisor,
  SupervisorActionResult,
  SupervisorDeviceState,
  SupervisorEndpoint,
  SupervisorOptions,
} from './types.js';
export { update } from './update.js';
