import type { Client } from '@balena-ts/core';
import { settingsOf } from './settings.js';

const warned = new Set<string>();

/**
 * Says once per process that a supervisor function is deprecated, through the client's
 * `onDeprecation` hook or `console.warn`.
 *
 * @param client - the client (for its hook)
 * @param functionName - the deprecated function
 * @param advice - what to use instead
 */
export function warnDeprecated(client: Client, functionName: string, advice: string): void {
  if (warned.has(functionName)) return;
  warned.add(functionName);
  const message = `@balena-ts/supervisor: ${functionName}() is deprecated: ${advice}`;
  const hook = settingsOf(client).onDeprecation;
  if (hook) hook(message);
  else console.warn(message);
}
