// Test helpers for packages that implement core's interfaces (no test-runner dependency).

export type { ConformanceTestApi } from './storage/storage-conformance.js';
export { runStorageConformance } from './storage/storage-conformance.js';
