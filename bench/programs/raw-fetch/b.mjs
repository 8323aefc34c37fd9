// Program (b) with raw fetch: log in, list a fleet's devices, set a device env var (an upsert:
// create, and on 409 update).
import { connect, literal } from './api.mjs';

/** @param {import('../config.mjs').ProgramConfig} config */
export async function run({ apiUrl, email, password, fleet, deviceUuid }) {
  const api = await connect(apiUrl, email, password);
  const { d: devices } = await api('GET', `/v7/device?$filter=belongs_to__application%20eq%20${Number(fleet)}`);
  const device = devices.find((candidate) => candidate.uuid === deviceUuid);
  const value = String(devices.length);
  try {
    await api('POST', '/v7/device_environment_variable', { device: device.id, name: 'BENCH_PROGRAM_B', value });
  } catch (error) {
    if (error.status !== 409) throw error;
    await api(
      'PATCH',
      `/v7/device_environment_variable?$filter=device%20eq%20${device.id}%20and%20name%20eq%20${literal('BENCH_PROGRAM_B')}`,
      { value },
    );
  }
  return devices.length;
}
