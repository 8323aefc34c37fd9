import type { SandboxContext } from '../context.js';
import { logsOf } from '../logs/logs-of.js';
import type { SandboxOptions } from '../types.js';

/** What the runtime part of the sandbox adds to the `Sandbox` object. */
export type SandboxRuntime = {};

/**
 * Starts the parts of a sandbox that live beside the HTTP server: log settings, the MQTT broker,
 * the fault registry and the device simulator. Runs before routes are registered; everything it
 * starts is stopped by `context.runClosers()`.
 */
export async function startRuntime(
  context: SandboxContext,
  setup: { options: SandboxOptions },
): Promise<SandboxRuntime> {
  const logs = logsOf(context);
  if (setup.options.logHeartbeatMs !== undefined) logs.heartbeatIntervalMs = setup.options.logHeartbeatMs;
  return {};
}
