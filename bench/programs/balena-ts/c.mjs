// Program (c) with balena-ts: "everything": one call into every area, as programs/official/c.mjs
// does (auth, 2FA, fleets, devices, variables, tags, releases, keys, OS, device types, config,
// logs, supervisor), through the module functions. Logs, supervisor and the facade are imported as
// namespaces so that the program still bundles while one of those packages is unfinished: a missing
// export is then undefined (skipped) rather than a build error.
import * as auth from '@balena-ts/auth';
import * as twoFactor from '@balena-ts/auth/two-factor';
import { createClient } from '@balena-ts/core';
import * as logs from '@balena-ts/logs';
import * as apiKey from '@balena-ts/models/api-key';
import * as application from '@balena-ts/models/application';
import * as applicationConfigVariable from '@balena-ts/models/application-config-variable';
import * as applicationEnvVariable from '@balena-ts/models/application-env-variable';
import * as applicationTag from '@balena-ts/models/application-tag';
import * as config from '@balena-ts/models/config';
import * as device from '@balena-ts/models/device';
import * as deviceConfigVariable from '@balena-ts/models/device-config-variable';
import * as deviceEnvVariable from '@balena-ts/models/device-env-variable';
import * as deviceOs from '@balena-ts/models/device-os';
import * as deviceServiceEnvVariable from '@balena-ts/models/device-service-env-variable';
import * as deviceTag from '@balena-ts/models/device-tag';
import * as image from '@balena-ts/models/image';
import * as key from '@balena-ts/models/key';
import * as release from '@balena-ts/models/release';
import * as service from '@balena-ts/models/service';
import * as supervisor from '@balena-ts/supervisor';

const ignore = () => undefined;

/** @param {import('../config.mjs').ProgramConfig} config */
export async function run({ apiUrl, email, password, fleet, deviceUuid }) {
  const client = createClient({ apiUrl });
  await auth.login(client, { username: email, password });
  await twoFactor.isEnabled(client);
  await auth.whoAmI(client);
  await application.get(client, fleet);
  await applicationEnvVariable.set(client, fleet, 'BENCH_C', '1');
  await applicationConfigVariable.set(client, fleet, 'BALENA_SUPERVISOR_POLL_INTERVAL', '600000');
  await applicationTag.set(client, fleet, 'bench', 'c');
  await application.generateProvisioningKey(client, fleet);
  await device.getWithServiceDetails(client, deviceUuid);
  await device.rename(client, deviceUuid, 'bench-c');
  await deviceEnvVariable.set(client, deviceUuid, 'BENCH_C', '1');
  await deviceConfigVariable.set(client, deviceUuid, 'BALENA_SUPERVISOR_POLL_INTERVAL', '600000');
  await deviceTag.set(client, deviceUuid, 'bench', 'c');
  await device.generateDeviceKey(client, deviceUuid);
  await supervisor.ping?.(client, deviceUuid).catch(ignore);
  await deviceServiceEnvVariable.getAllByDevice(client, deviceUuid);
  await release.getAllByApplication(client, fleet);
  await image.get(client, 1).catch(ignore);
  await service.getAllByApplication(client, fleet);
  await apiKey.getAll(client);
  await key.getAll(client);
  await deviceOs.getConfig(client, fleet, { version: 'latest' }).catch(ignore);
  await config.getDeviceTypes(client);
  await config.getAll(client);
  await logs.history?.(client, deviceUuid);
  logs.subscribe?.(client, deviceUuid, ignore)?.unsubscribe?.();
  await auth.logOut(client);
}
