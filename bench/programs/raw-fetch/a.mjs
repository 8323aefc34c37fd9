// Program (a) with raw fetch: log in, get one device.
import { connect, literal } from './api.mjs';

/** @param {import('../config.mjs').ProgramConfig} config */
export async function run({ apiUrl, email, password, deviceUuid }) {
  const api = await connect(apiUrl, email, password);
  const { d } = await api('GET', `/v7/device?$filter=uuid%20eq%20${literal(deviceUuid)}`);
  return d[0];
}
