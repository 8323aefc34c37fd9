// A local balena-compatible API server for tests, demos and offline fleet tooling.
export { startSandbox } from './start-sandbox.js';
export type {
  CreateUserOptions,
  IssueTokenOptions,
  Sandbox,
  SandboxOptions,
  SandboxUser,
  SeedApplicationOptions,
  SeedDevicesOptions,
  SeededRelease,
  SeedReleaseOptions,
} from './types.js';
