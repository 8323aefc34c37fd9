import { type Client, mergeOptions, type ODataOptions } from '@balena-ts/core';
import { type DeviceIdentifier, getDevice } from '../internal/device.js';
import type { Device } from '../types/device.js';

/** One install of a service's image on a device, newest first in {@link DeviceWithServiceDetails}. */
export interface CurrentService {
  /** The row id. */
  readonly id: number;
  /** The download progress in percent, or null. */
  readonly download_progress: number | null;
  /** The install status, e.g. `Running` or `Downloading`. */
  readonly status: string;
  /** When the install started (ISO 8601). */
  readonly install_date: string;
  /** The service id. */
  readonly service_id: number | undefined;
  /** The image id. */
  readonly image_id: number | undefined;
  /** The release commit. */
  readonly commit: string | undefined;
  /** The release version. */
  readonly raw_version: string | undefined;
  /** The release id. */
  readonly release_id: number | undefined;
}

/** A device with its service installs grouped by application slug and service name. */
export type DeviceWithServiceDetails = Omit<Device, 'image_install'> & {
  /** `{ <application slug>: { <service name>: installs } }`, as today's SDKs return it. */
  readonly current_services_by_app: Record<string, Record<string, CurrentService[]>>;
  /** `{ <service name>: installs }` across applications, as balena's Python SDK returned it. */
  readonly current_services: Record<string, CurrentService[]>;
};

interface ExpandedInstall {
  id: number;
  download_progress: number | null;
  status: string;
  install_date: string;
  installs__image: { id: number; is_a_build_of__service: { id: number; service_name: string }[] }[];
  is_provided_by__release: {
    id: number;
    commit: string;
    raw_version: string;
    belongs_to__application: { slug: string }[];
  }[];
}

const SERVICE_DETAILS_OPTIONS = {
  $expand: {
    image_install: {
      $select: ['id', 'download_progress', 'status', 'install_date'],
      $filter: { status: { $ne: 'deleted' } },
      $expand: {
        installs__image: { $select: 'id', $expand: { is_a_build_of__service: { $select: ['id', 'service_name'] } } },
        is_provided_by__release: {
          $select: ['id', 'commit', 'raw_version'],
          $expand: { belongs_to__application: { $select: 'slug' } },
        },
      },
    },
  },
};

function append<T>(record: Record<string, T[]>, key: string, value: T): void {
  const list = record[key] ?? [];
  list.push(value);
  record[key] = list;
}

function newestFirst(left: CurrentService, right: CurrentService): number {
  return right.install_date.localeCompare(left.install_date) || right.id - left.id;
}

/**
 * Gets a device with the details of the services it runs, grouped by application and service name.
 *
 * @param client - the client
 * @param uuidOrId - a numeric id or a full uuid
 * @param options - OData options merged into the query
 * @returns the device with `current_services_by_app` and `current_services`
 * @throws {@link @balena-ts/core#InvalidParameter} for a malformed argument
 * @throws {@link @balena-ts/core#DeviceNotFound} when no device matches
 * @example
 * ```ts
 * const device = await getWithServiceDetails(client, uuid);
 * console.log(Object.keys(device.current_services)); // ['main', 'worker']
 * ```
 */
export async function getWithServiceDetails(
  client: Client,
  uuidOrId: DeviceIdentifier,
  options?: ODataOptions,
): Promise<DeviceWithServiceDetails> {
  const device = await getDevice<Device & { image_install: ExpandedInstall[] }>(
    client,
    uuidOrId,
    mergeOptions(SERVICE_DETAILS_OPTIONS, options),
  );
  const byApplication: Record<string, Record<string, CurrentService[]>> = {};
  const byService: Record<string, CurrentService[]> = {};
  for (const install of device.image_install ?? []) {
    const image = install.installs__image[0];
    const service = image?.is_a_build_of__service[0];
    const release = install.is_provided_by__release[0];
    const entry: CurrentService = {
      id: install.id,
      download_progress: install.download_progress,
      status: install.status,
      install_date: install.install_date,
      service_id: service?.id,
      image_id: image?.id,
      commit: release?.commit,
      raw_version: release?.raw_version,
      release_id: release?.id,
    };
    const serviceName = service?.service_name ?? '';
    const applicationSlug = release?.belongs_to__application[0]?.slug ?? '';
    byApplication[applicationSlug] ??= {};
    append(byApplication[applicationSlug], serviceName, entry);
    append(byService, serviceName, entry);
  }
  for (const services of [byService, ...Object.values(byApplication)]) {
    for (const installs of Object.values(services)) installs.sort(newestFirst);
  }
  const { image_install: _installs, ...rest } = device;
  return { ...rest, current_services_by_app: byApplication, current_services: byService };
}
