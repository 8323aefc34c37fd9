// A local balena-compatible API server for tests, demos and offline fleet tooling.

export type {
  FaultAction,
  FaultHandle,
  FaultInfo,
  FaultMatch,
  FaultSpec,
  SandboxFaults,
} from './faults/fault-types.js';
export type {
  SimulateDeviceOptions,
  SimulatedDevice,
  SimulatedFleet,
  SimulatedLogOptions,
  SimulateFleetOptions,
} from './simulator/simulator-types.js';
export { startSandbox } from './start-sandbox.js';
export type {
  AddMembershipOptions,
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
