// Test helpers for packages that implement core's interfaces (no test-runner dependency).

export type { IdentifierCase, IdentifierKind } from './identifiers/identifier-cases.js';
export { IDENTIFIER_CASES } from './identifiers/identifier-cases.js';
export type { KeyValueStorage } from './storage/key-value-storage.js';
export type { ConformanceTestApi } from './storage/storage-conformance.js';
export { runStorageConformance } from './storage/storage-conformance.js';
