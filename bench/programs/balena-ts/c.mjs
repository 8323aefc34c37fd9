// Program (c) with balena-ts: "everything", through the facade that wires every package together.
// The same areas as programs/official/c.mjs. Written against PUBLIC-API.md; not measured yet.
import { Balena } from '@balena-ts/sdk';

/** @param {import('../config.mjs').ProgramConfig} config */
export async function run({ apiUrl, email, password, fleet, deviceUuid }) {
  const balena = new Balena({ apiUrl });
  const { models } = balena;
  await balena.auth.login({ username: email, password });
  await balena.twoFactorAuth.isEnabled();
  await balena.auth.whoami();
  await models.application.get(fleet);
  await models.environmentVariables.application.create(fleet, 'BENCH_C', '1');
  await models.configVariable.applicationConfigVariable.create(fleet, 'BALENA_SUPERVISOR_POLL_INTERVAL', '600000');
  await models.tag.application.set(fleet, 'bench', 'c');
  await models.apiKey.generateProvisioningKey?.(fleet);
  await models.device.getWithServiceDetails(deviceUuid);
  await models.device.rename(deviceUuid, 'bench-c');
  await models.environmentVariables.device.create(deviceUuid, 'BENCH_C', '1');
  await models.configVariable.deviceConfigVariable.create(deviceUuid, 'BALENA_SUPERVISOR_POLL_INTERVAL', '600000');
  await models.tag.device.set(deviceUuid, 'bench', 'c');
  await models.device.generateDeviceKey(deviceUuid);
  await models.supervisor.ping(deviceUuid).catch(() => undefined);
  await models.environmentVariables.deviceServiceEnvironmentVariable.getAll(deviceUuid);
  await models.release.getAllByApplication(fleet);
  await models.image.get(1).catch(() => undefined);
  await models.service.getAllByApplication(fleet);
  await models.apiKey.getAll();
  await models.key.getAll();
  await models.deviceOs.getSupportedVersions?.('raspberrypi4-64');
  await models.config.getDeviceTypes();
  await models.config.getAll();
  await balena.logs.history(deviceUuid);
  const subscription = balena.logs.subscribe(deviceUuid, () => {});
  subscription.unsubscribe();
  await balena.auth.logOut();
}
