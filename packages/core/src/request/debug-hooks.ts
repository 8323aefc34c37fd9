import { REQUEST_HOOK_NAMES, type RequestErrorHookContext, type RequestHooks } from './hooks.js';

const PREFIX = 'balena-ts';

function why(context: RequestErrorHookContext): string {
  if (!context.willRetry) return `failed: ${context.error.name}: ${context.error.message}`;
  if (context.status === 401) return 'sending again with a refreshed token';
  const wait = ` in ${Math.round(context.retryDelayMs ?? 0)} ms`;
  if (context.status === undefined) return `retrying${wait} after ${context.error.name}: ${context.error.message}`;
  return `retrying${wait} after status ${context.status}`;
}

/**
 * The hooks behind the `debug` client option: one line per attempt with its method, redacted URL,
 * status, duration and attempt number, and why it is sent again when it is.
 *
 * @param log - where the lines go
 * @returns the hooks
 * @example
 * ```ts
 * debugHooks(console.debug); // balena-ts GET https://api.balena-cloud.com/v7/device -> 200 in 84 ms (attempt 1)
 * ```
 */
export function debugHooks(log: (line: string) => void): RequestHooks {
  return {
    onResponse({ method, url, status, durationMs, attempt }) {
      // Error statuses are told by onResponseError, with what happens next.
      if (status < 400) log(`${PREFIX} ${method} ${url} -> ${status} in ${durationMs} ms (attempt ${attempt})`);
    },
    onResponseError(context) {
      const { method, url, status, durationMs, attempt } = context;
      log(`${PREFIX} ${method} ${url} -> ${status} in ${durationMs} ms (attempt ${attempt}): ${why(context)}`);
    },
    onRequestError(context) {
      const { method, url, durationMs, attempt } = context;
      log(`${PREFIX} ${method} ${url} -> no answer after ${durationMs} ms (attempt ${attempt}): ${why(context)}`);
    },
  };
}

/**
 * Runs two sets of hooks one after the other (the first set first), as one set.
 *
 * @param first - hooks to run first, if any
 * @param second - hooks to run next, if any
 * @returns the combined hooks, or whichever set is given alone
 */
export function combineHooks(
  first: RequestHooks | undefined,
  second: RequestHooks | undefined,
): RequestHooks | undefined {
  if (!first || !second) return first ?? second;
  const combined: RequestHooks = {};
  for (const name of REQUEST_HOOK_NAMES) {
    const [one, two] = [first[name], second[name]] as ((context: unknown) => void | Promise<void>)[];
    if (!one || !two) {
      (combined as Record<string, unknown>)[name] = one ?? two;
      continue;
    }
    (combined as Record<string, unknown>)[name] = async (context: unknown) => {
      await one(context);
      await two(context);
    };
  }
  return combined;
}
