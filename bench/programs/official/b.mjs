// Program (b) with the official SDK: log in, list a fleet's devices, set a device env var.
import { getSdk } from 'balena-sdk';

/** @param {import('../config.mjs').ProgramConfig} config */
export async function run({ apiUrl, email, password, fleet, deviceUuid }) {
  const sdk = getSdk({ apiUrl, dataDirectory: false });
  await sdk.auth.login({ email, password });
  const devices = await sdk.models.device.getAllByApplication(fleet);
  await sdk.models.device.envVar.set(deviceUuid, 'BENCH_PROGRAM_B', String(devices.length));
  return devices.length;
}
