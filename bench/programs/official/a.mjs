// Program (a) with the official SDK: log in, get one device.
import { getSdk } from 'balena-sdk';

/** @param {import('../config.mjs').ProgramConfig} config */
export async function run({ apiUrl, email, password, deviceUuid }) {
  const sdk = getSdk({ apiUrl, dataDirectory: false });
  await sdk.auth.login({ email, password });
  return sdk.models.device.get(deviceUuid);
}
