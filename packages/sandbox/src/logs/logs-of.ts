import type { SandboxContext } from '../context.js';
import { LogStore } from './log-store.js';

const stores = new WeakMap<SandboxContext, LogStore>();

/** The log store of one sandbox, created on first use; a deleted device's lines go with it. */
export function logsOf(context: SandboxContext): LogStore {
  let logs = stores.get(context);
  if (!logs) {
    const created = new LogStore();
    context.store.onChange((resource, id, row) => {
      if (resource === 'device' && row === undefined) created.forget(id);
    });
    stores.set(context, created);
    logs = created;
  }
  return logs;
}
