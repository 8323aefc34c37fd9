import { randomHex } from '../auth/random.js';
import type { ServiceState } from './agent-services.js';
import type { DeviceAgent } from './device-agent.js';

/** What the local supervisor answers; `afterwards` runs after the answer is sent (reboot, shutdown). */
export interface SupervisorAnswer {
  status: number;
  body?: unknown;
  /** Sent as text/plain when set; otherwise `body` is JSON (or the answer is empty). */
  text?: string;
  afterwards?: () => Promise<void>;
}

const LOCKED_V1: SupervisorAnswer = { status: 423, body: { Data: '', Error: 'Updates are locked' } };
const LOCKED_V2: SupervisorAnswer = { status: 423, body: { status: 'failed', message: 'Updates are locked' } };
const OK_TEXT: SupervisorAnswer = { status: 200, text: 'OK' };

function fields(body: unknown): Record<string, unknown> {
  return body !== null && typeof body === 'object' && !Array.isArray(body) ? (body as Record<string, unknown>) : {};
}

/** Configuration variables that override update locks on the device, as `force` does per call. */
const OVERRIDE_LOCK_NAMES = [
  'BALENA_SUPERVISOR_OVERRIDE_LOCK',
  'RESIN_SUPERVISOR_OVERRIDE_LOCK',
  'RESIN_OVERRIDE_LOCK',
];

/** Whether a call may go through an update lock: `force: true`, or a lock override set on the device. */
function isForced(agent: DeviceAgent, body: Record<string, unknown>): boolean {
  if (body.force === true || body.force === 'true') return true;
  const config = agent.target?.config ?? {};
  return OVERRIDE_LOCK_NAMES.some((name) => config[name] === '1' || config[name] === 'true');
}

/** Finds a container by `imageId` or `serviceName` (v2 service actions). */
function findService(agent: DeviceAgent, body: Record<string, unknown>): ServiceState | undefined {
  for (const service of agent.services.values()) {
    if (body.imageId !== undefined && Number(body.imageId) === service.imageId) return service;
    if (typeof body.serviceName === 'string' && body.serviceName === service.name) return service;
  }
  return undefined;
}

async function setStatus(agent: DeviceAgent, services: ServiceState[], action: 'start' | 'stop' | 'restart') {
  const [present, past] =
    action === 'start'
      ? ['Starting', 'Started']
      : action === 'stop'
        ? ['Stopping', 'Stopped']
        : ['Restarting', 'Restarted'];
  for (const service of services) {
    void agent.systemLog(`${present} service '${service.name}'`);
    service.status = action === 'stop' ? 'Stopped' : 'Running';
    if (action !== 'stop') service.containerId = randomHex(64);
    void agent.systemLog(`${past} service '${service.name}'`);
  }
  await agent.reportServices();
}

function deviceState(agent: DeviceAgent, device: Record<string, unknown> | undefined): Record<string, unknown> {
  const downloading = [...agent.services.values()].find((service) => service.status === 'Downloading');
  return {
    api_port: 48484,
    ip_address: device?.ip_address ?? null,
    os_version: device?.os_version ?? null,
    supervisor_version: device?.supervisor_version ?? null,
    update_pending: downloading !== undefined || agent.pending !== undefined,
    update_failed: false,
    update_downloaded: agent.pending !== undefined,
    status: downloading ? 'Downloading' : 'Idle',
    commit: agent.target?.commit ?? null,
    download_progress: downloading?.downloadProgress ?? null,
  };
}

function stateStatus(agent: DeviceAgent): Record<string, unknown> {
  const services = [...agent.services.values()];
  const appId = agent.target?.appId;
  return {
    status: 'success',
    appState: services.some((service) => service.status === 'Downloading') ? 'applying' : 'applied',
    overallDownloadProgress: null,
    containers: services.map((service) => ({
      status: service.status,
      serviceName: service.name,
      appId,
      imageId: service.imageId,
      serviceId: service.serviceId,
      containerId: service.containerId,
      createdAt: service.createdAt,
    })),
    images: services.map((service) => ({
      name: service.image,
      appId,
      serviceName: service.name,
      imageId: service.imageId,
      dockerImageId: `sha256:${service.containerId.slice(0, 64)}`,
      status: service.status === 'Downloading' ? 'Downloading' : 'Downloaded',
      downloadProgress: service.downloadProgress,
    })),
    release: agent.target?.commit ?? null,
  };
}

/**
 * Answers one local supervisor API call for a device, as balena's supervisor does (the paths
 * its proxy and SDKs use). `device` is the device row, for the fields `GET /v1/device` reports.
 */
export async function answerSupervisorCall(
  agent: DeviceAgent,
  method: string,
  path: string,
  rawBody: unknown,
  device: Record<string, unknown> | undefined,
): Promise<SupervisorAnswer> {
  const body = fields(rawBody);
  const route = `${method} ${path.replace(/\/+$/, '')}`;
  const services = [...agent.services.values()];
  const appAction = /^POST \/v1\/apps\/(\d+)\/(start|stop)$/.exec(route);
  const serviceAction = /^POST \/v2\/applications\/(\d+)\/(restart|stop|start)-service$/.exec(route);
  if (route === 'GET /ping') return OK_TEXT;
  if (route === 'GET /v1/healthy') return { status: 200 };
  if (route === 'POST /v1/blink') return OK_TEXT;
  if (route === 'GET /v1/device') return { status: 200, body: deviceState(agent, device) };
  if (route === 'GET /v2/state/status') return { status: 200, body: stateStatus(agent) };
  if (route === 'POST /v1/update') return { status: 204, afterwards: () => agent.update(isForced(agent, body)) };
  if (route === 'POST /v1/regenerate-api-key') {
    agent.supervisorApiKey = randomHex(32);
    return { status: 200, text: agent.supervisorApiKey };
  }
  if (route === 'POST /v1/reboot' || route === 'POST /v1/shutdown') {
    if (agent.locked && !isForced(agent, body)) return LOCKED_V1;
    const afterwards = route === 'POST /v1/reboot' ? () => agent.reboot() : () => agent.shutdown();
    return { status: 202, body: { Data: 'OK', Error: '' }, afterwards };
  }
  if (route === 'POST /v1/purge') {
    if (agent.locked && !isForced(agent, body)) return LOCKED_V1;
    void agent.systemLog(`Purging data for app ${body.appId ?? agent.target?.appId}`);
    await setStatus(agent, services, 'restart');
    void agent.systemLog(`Purged data for app ${body.appId ?? agent.target?.appId}`);
    return { status: 200, body: { Data: 'OK', Error: '' } };
  }
  if (route === 'POST /v1/restart') {
    if (agent.locked && !isForced(agent, body)) return LOCKED_V1;
    await setStatus(agent, services, 'restart');
    return OK_TEXT;
  }
  const appRead = /^GET \/v1\/apps\/(\d+)$/.exec(route);
  if (appRead || appAction) {
    if (services.length !== 1) {
      return { status: 400, text: 'This endpoint only works on single-container applications' };
    }
    const service = services[0]!;
    if (appRead) {
      return {
        status: 200,
        body: {
          appId: Number(appRead[1]),
          commit: agent.target?.commit ?? null,
          imageId: service.image,
          containerId: service.containerId,
          env: {},
        },
      };
    }
    if (appAction![2] === 'stop' && agent.locked && !isForced(agent, body)) return LOCKED_V1;
    await setStatus(agent, [service], appAction![2] as 'start' | 'stop');
    return { status: 200, body: { containerId: service.containerId } };
  }
  if (serviceAction) {
    const action = serviceAction[2] as 'restart' | 'stop' | 'start';
    const service = findService(agent, body);
    if (!service) return { status: 404, text: 'Service not found, a container must exist for this endpoint to work' };
    if (action !== 'start' && agent.locked && !isForced(agent, body)) return LOCKED_V2;
    await setStatus(agent, [service], action);
    return OK_TEXT;
  }
  return { status: 404, text: `Cannot ${method} ${path}` };
}
