import type { SandboxContext } from '../context.js';
import { Fault, validateFaultSpec } from './fault.js';
import type { FaultInfo, FaultSpec, SandboxFaults } from './fault-types.js';

/** The faults of one sandbox, in the order they were added. */
export class FaultRegistry implements SandboxFaults {
  private readonly faults: Fault[] = [];
  private nextId = 1;

  add(spec: FaultSpec): Fault {
    validateFaultSpec(spec);
    const fault = new Fault(this.nextId++, spec, (removed) => this.remove(removed.id));
    this.faults.push(fault);
    return fault;
  }

  /** Removes one fault; false when there is none with this id. */
  remove(id: number): boolean {
    const index = this.faults.findIndex((fault) => fault.id === id);
    if (index < 0) return false;
    this.faults.splice(index, 1);
    return true;
  }

  list(): FaultInfo[] {
    return this.faults.map((fault) => fault.info());
  }

  clear(): void {
    this.faults.length = 0;
  }

  /** The first live fault for a request, counted as fired; undefined when none applies. */
  take(method: string, path: string): Fault | undefined {
    const fault = this.faults.find((candidate) => candidate.matches(method, path));
    if (fault) fault.fired++;
    return fault;
  }
}

const registries = new WeakMap<SandboxContext, FaultRegistry>();

/** The fault registry of one sandbox, created on first use. */
export function faultsOf(context: SandboxContext): FaultRegistry {
  let registry = registries.get(context);
  if (!registry) {
    registry = new FaultRegistry();
    registries.set(context, registry);
  }
  return registry;
}
