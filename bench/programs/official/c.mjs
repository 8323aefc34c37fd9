// Program (c) with the official SDK: "everything": one call into every area balena-ts covers
// (auth, 2FA, fleets, devices, variables, tags, releases, keys, OS, device types, config, logs,
// supervisor), so that nothing can be dropped by a bundler.
import { getSdk } from 'balena-sdk';

/** @param {import('../config.mjs').ProgramConfig} config */
export async function run({ apiUrl, email, password, fleet, deviceUuid }) {
  const sdk = getSdk({ apiUrl, dataDirectory: false });
  const { models } = sdk;
  await sdk.auth.login({ email, password });
  await sdk.auth.twoFactor.isEnabled();
  await sdk.auth.whoami();
  await models.application.get(fleet);
  await models.application.envVar.set(fleet, 'BENCH_C', '1');
  await models.application.configVar.set(fleet, 'BALENA_SUPERVISOR_POLL_INTERVAL', '600000');
  await models.application.tags.set(fleet, 'bench', 'c');
  await models.application.generateProvisioningKey({ slugOrUuidOrId: fleet, keyExpiryDate: null });
  await models.device.getWithServiceDetails(deviceUuid);
  await models.device.rename(deviceUuid, 'bench-c');
  await models.device.envVar.set(deviceUuid, 'BENCH_C', '1');
  await models.device.configVar.set(deviceUuid, 'BALENA_SUPERVISOR_POLL_INTERVAL', '600000');
  await models.device.tags.set(deviceUuid, 'bench', 'c');
  await models.device.generateDeviceKey(deviceUuid);
  await models.device.ping(deviceUuid).catch(() => undefined);
  await models.device.serviceVar.getAllByDevice(deviceUuid);
  await models.release.getAllByApplication(fleet);
  await models.image.get(1).catch(() => undefined);
  await models.service.getAllByApplication(fleet);
  await models.apiKey.getAll();
  await models.key.getAll();
  await models.os.getAvailableOsVersions('raspberrypi4-64');
  await models.deviceType.getAll();
  await models.config.getAll();
  await models.organization.getAll();
  await sdk.logs.history(deviceUuid);
  const subscription = await sdk.logs.subscribe(deviceUuid);
  subscription.unsubscribe();
  await sdk.auth.logout();
}
