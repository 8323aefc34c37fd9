import { randomHex } from '../auth/random.js';

/** A container of the simulated device's running release. */
export interface ServiceState {
  name: string;
  serviceId: number;
  imageId: number;
  image: string;
  status: 'Running' | 'Stopped' | 'Downloading';
  downloadProgress: number | null;
  containerId: string;
  createdAt: string;
}

/** The target release of the device's fleet app, as read from `GET /device/v3/:uuid/state`. */
export interface TargetRelease {
  appId: number;
  appUuid: string;
  commit: string | null;
  releaseId: number | null;
  services: { name: string; serviceId: number; imageId: number; image: string }[];
  /** The device's configuration variables (fleet's, overridden by the device's). */
  config: Record<string, string>;
}

/** Reads the device's one fleet app out of a v3 target state. */
export function parseTargetState(state: unknown, uuid: string): TargetRelease | undefined {
  const device = (
    state as
      | Record<string, { apps?: Record<string, Record<string, unknown>>; config?: Record<string, string> }>
      | undefined
  )?.[uuid];
  for (const [appUuid, app] of Object.entries(device?.apps ?? {})) {
    if (app.is_host === true) continue;
    const releases = (app.releases ?? {}) as Record<string, { id: number; services?: Record<string, never> }>;
    const [commit, release] = Object.entries(releases)[0] ?? [null, undefined];
    const services = Object.entries((release?.services ?? {}) as Record<string, Record<string, unknown>>).map(
      ([name, service]) => ({
        name,
        serviceId: Number(service.id),
        imageId: Number(service.image_id),
        image: String(service.image ?? ''),
      }),
    );
    return {
      appId: Number(app.id),
      appUuid,
      commit,
      releaseId: release?.id ?? null,
      services,
      config: device?.config ?? {},
    };
  }
  return undefined;
}

/** Fresh containers for a release's services, in the given status. */
export function containersFor(target: TargetRelease, status: ServiceState['status']): Map<string, ServiceState> {
  const now = new Date().toISOString();
  return new Map(
    target.services.map((service) => [
      service.name,
      {
        ...service,
        status,
        downloadProgress: status === 'Downloading' ? 0 : null,
        containerId: randomHex(64),
        createdAt: now,
      },
    ]),
  );
}

/** The `apps` part of a v3 state report for the services as they are now. */
export function appsReport(target: TargetRelease, services: Map<string, ServiceState>): Record<string, unknown> {
  if (target.commit === null) return {};
  const reported: Record<string, unknown> = {};
  for (const service of services.values()) {
    reported[service.name] = {
      image_id: service.imageId,
      status: service.status,
      download_progress: service.downloadProgress,
    };
  }
  return {
    [target.appUuid]: {
      release_uuid: target.commit,
      releases: { [target.commit]: { services: reported } },
    },
  };
}
