/**
 * What a simulated device's supervisor says about its hardware in its state reports: the metrics
 * balena's supervisor reports (cpu, memory, storage, temperature; memory and storage in MB, cpu
 * in percent, temperature in °C) and its network interfaces' MAC addresses. Values are drawn
 * from the device id and a tick, so each report differs from the one before while a test can
 * still tell what range to expect.
 */

const MEMORY_TOTAL_MB = 3_794;
const STORAGE_TOTAL_MB = 29_465;
const STORAGE_BLOCK_DEVICE = '/dev/mmcblk0p6';

// A small deterministic generator (mulberry32): the same device and tick give the same numbers.
function pseudoRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let mixed = Math.imul(state ^ (state >>> 15), 1 | state);
    mixed = (mixed + Math.imul(mixed ^ (mixed >>> 7), 61 | mixed)) ^ mixed;
    return ((mixed ^ (mixed >>> 14)) >>> 0) / 4_294_967_296;
  };
}

function hexPair(value: number): string {
  return value.toString(16).padStart(2, '0');
}

/**
 * The hardware metrics of one report.
 *
 * @param deviceId - the device's id
 * @param tick - how many metric reports came before this one
 * @returns the device fields a supervisor reports
 */
export function hardwareMetrics(deviceId: number, tick: number): Record<string, unknown> {
  const random = pseudoRandom(deviceId * 7_919 + tick);
  return {
    cpu_usage: 5 + Math.floor(random() * 60),
    cpu_temp: 40 + Math.floor(random() * 25),
    cpu_id: `1000000${(0x5a000000 + deviceId).toString(16)}`,
    memory_usage: 400 + Math.floor(random() * 900),
    memory_total: MEMORY_TOTAL_MB,
    storage_block_device: STORAGE_BLOCK_DEVICE,
    storage_usage: 2_000 + deviceId * 3 + tick,
    storage_total: STORAGE_TOTAL_MB,
    is_undervolted: false,
  };
}

/**
 * The MAC addresses of the device's interfaces (ethernet, wifi), space-separated as the supervisor
 * reports `mac_address`; locally administered addresses, stable for a device.
 *
 * @param deviceId - the device's id
 * @returns e.g. `'02:42:00:00:00:07 02:43:00:00:00:07'`
 */
export function macAddresses(deviceId: number): string {
  const tail = [deviceId >>> 16, deviceId >>> 8, deviceId].map((byte) => hexPair(byte & 0xff)).join(':');
  return `02:42:00:${tail} 02:43:00:${tail}`;
}
