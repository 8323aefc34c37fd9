import { type Client, DeviceNotFound, InvalidOption } from '@balena-ts/core';
import type { ApplicationId, DeviceUuid, LocalSupervisor } from '../types.js';
import { checkDeviceUuid, parseAppId } from './arguments.js';
import { localSupervisorOf, settingsOf } from './settings.js';

/** A call through the API's supervisor proxy, to a device looked up first. */
export interface ProxyTarget {
  kind: 'proxy';
  deviceId: number;
  uuid: string;
  /** The caller's application id, or else the device's. */
  appId: number | undefined;
  supervisorVersion: string | undefined;
}

/** A call to the supervisor of the device this code runs on. */
export interface LocalTarget {
  kind: 'local';
  supervisor: LocalSupervisor;
  appId: number | undefined;
}

/** Where one supervisor call goes. */
export type Target = ProxyTarget | LocalTarget;

/** What a supervisor function was given, and what it needs. */
export interface TargetRequest {
  functionName: string;
  deviceUuid: DeviceUuid | undefined;
  appId: ApplicationId | undefined;
  /**
   * The function takes an app id, so the proxy mode requires one: the Python SDK reference's
   * supervisor functions required both the device and the application for every proxied call.
   */
  takesAppId: boolean;
  /** The call's path or body needs an app id. */
  needsAppId: boolean;
}

interface DeviceRow {
  id: number;
  uuid: string;
  supervisor_version?: string | null;
  belongs_to__application?: { id: number }[];
}

function chooseLocal(client: Client, deviceUuid: DeviceUuid | undefined): LocalSupervisor | undefined {
  const { endpoint } = settingsOf(client);
  if (endpoint === 'api') return undefined;
  const local = localSupervisorOf(client);
  if (endpoint === 'device') {
    if (!local) {
      throw new InvalidOption(
        'The supervisor endpoint is forced to the device, but no local supervisor is configured ' +
          '(BALENA_SUPERVISOR_ADDRESS and BALENA_SUPERVISOR_API_KEY, or configureSupervisor)',
      );
    }
    return local;
  }
  // In auto mode (also when no endpoint was set) a call naming another device must not reach this
  // device's supervisor.
  if (local && (deviceUuid === undefined || deviceUuid === local.deviceUuid)) return local;
  return undefined;
}

async function lookUpDevice(client: Client, deviceUuid: DeviceUuid): Promise<DeviceRow> {
  const device = await client.pine.get<DeviceRow>({
    resource: 'device',
    id: typeof deviceUuid === 'number' ? deviceUuid : { uuid: deviceUuid },
    options: { $select: ['id', 'uuid', 'supervisor_version'], $expand: { belongs_to__application: { $select: 'id' } } },
  });
  if (!device) throw new DeviceNotFound(deviceUuid);
  return device;
}

/**
 * Decides where a supervisor call goes and gathers what it needs: the local supervisor and app
 * id, or the device's id, uuid, application and supervisor version for the API's proxy.
 *
 * @param client - the client
 * @param request - the function, its device and app arguments, and what it needs
 * @returns the target
 * @throws {@link InvalidOption} when the proxy is used without a device uuid (or without an app id
 *   for a function that takes one), when the app id does not match the device, or when no app id is known
 * @throws {@link DeviceNotFound} when no device matches
 */
export async function resolveTarget(client: Client, request: TargetRequest): Promise<Target> {
  const { functionName } = request;
  const givenAppId = request.appId === undefined || request.appId === null ? undefined : parseAppId(request.appId);
  const deviceUuid =
    request.deviceUuid === undefined || request.deviceUuid === null ? undefined : checkDeviceUuid(request.deviceUuid);
  const local = chooseLocal(client, deviceUuid);
  if (local) {
    const appId = givenAppId ?? (local.appId === undefined ? undefined : parseAppId(local.appId));
    if (request.needsAppId && appId === undefined) {
      throw new InvalidOption(`${functionName}() needs an appId (or BALENA_APP_ID) on the device`);
    }
    return { kind: 'local', supervisor: local, appId };
  }
  if (deviceUuid === undefined) {
    throw new InvalidOption(`${functionName}() needs a deviceUuid when it goes through the API's supervisor proxy`);
  }
  if (request.takesAppId && givenAppId === undefined) {
    throw new InvalidOption(`${functionName}() needs an appId when it goes through the API's supervisor proxy`);
  }
  const device = await lookUpDevice(client, deviceUuid);
  const deviceAppId = device.belongs_to__application?.[0]?.id;
  // The proxy would answer "No online device(s) found" for a mismatch, which reads like an outage.
  // Stryker disable next-line ConditionalExpression: every device belongs to an application; the check is for the types
  if (givenAppId !== undefined && deviceAppId !== undefined && givenAppId !== deviceAppId) {
    throw new InvalidOption(`Device ${device.uuid} does not belong to application ${givenAppId}`);
  }
  return {
    kind: 'proxy',
    deviceId: device.id,
    uuid: device.uuid,
    appId: givenAppId ?? deviceAppId,
    supervisorVersion: device.supervisor_version ?? undefined,
  };
}
