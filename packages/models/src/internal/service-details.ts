import type { ODataOptions } from '@balena-ts/core';
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

/** An `image_install` row as {@link SERVICE_DETAILS_EXPAND} expands it. */
export interface ExpandedInstall {
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

type ODataExpand = NonNullable<ODataOptions['$expand']>;

/** The `$expand` of a device query that brings what {@link withServiceDetails} groups. */
export const SERVICE_DETAILS_EXPAND: ODataExpand = {
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
 * Replaces a device's expanded `image_install` with its installs grouped by application and
 * service name, newest first (what device and application `...WithServiceDetails` return).
 *
 * @param device - a device read with {@link SERVICE_DETAILS_EXPAND}
 * @returns the device with `current_services_by_app` and `current_services`
 * @example
 * ```ts
 * const details = withServiceDetails(device);
 * ```
 */
export function withServiceDetails<D extends { image_install?: ExpandedInstall[] }>(
  device: D,
): Omit<D, 'image_install'> & Pick<DeviceWithServiceDetails, 'current_services_by_app' | 'current_services'> {
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
