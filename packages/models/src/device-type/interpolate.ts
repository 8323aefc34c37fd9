import { NotSupported } from '@balena-ts/core';
import type { Contract, ContractPartials, DeviceTypeInstructions } from '../types/contract.js';
import { HOST_OS_CONTRACT, MEDIA_NAMES } from './host-os-contract.js';
import { renderTemplate, type TemplateHelpers } from './template.js';

const HELPERS: TemplateHelpers = {
  resolveContractAlias: (slug) => MEDIA_NAMES[String(slug)] ?? String(slug ?? ''),
};

type Mutable = Record<string, unknown>;

// Renders each list of partials in place, in order, against the whole contract (so a partial may
// use the ones rendered before it), one output line per non-empty line.
function renderPartials(partials: ContractPartials, contract: Mutable, target: Mutable): void {
  for (const [name, value] of Object.entries(partials)) {
    if (Array.isArray(value)) {
      target[name] = value
        .flatMap((template) => renderTemplate(template, contract, HELPERS).split('\n'))
        .map((line) => line.trim())
        .filter((line) => line !== '');
    } else {
      renderPartials(value, contract, target[name] as Mutable);
    }
  }
}

/**
 * Renders the templates of a contract's `partials` against the contract itself; the input is not changed.
 *
 * @param contract - a contract
 * @returns a copy whose partials are plain text lines
 */
export function interpolatePartials(contract: Contract): Contract {
  const copy = structuredClone(contract) as Contract & Mutable;
  if (copy.partials) renderPartials(structuredClone(copy.partials), copy, copy.partials as Mutable);
  return copy;
}

/**
 * The install method of a device type, from its contract: its flash protocol (`RPIBOOT` means
 * internal flash), else its default boot medium (`image`, `internal` → externalFlash, anything
 * else → externalBoot).
 *
 * @param contract - a device-type contract
 * @returns `image`, `internalFlash`, `externalFlash`, `externalBoot`, or the flash protocol
 * @throws {@link @balena-ts/core#NotSupported} when the contract says neither
 */
export function installMethodOf(contract: Contract): string {
  const data = contract.data as { flashProtocol?: string; media?: { defaultBoot?: string } } | undefined;
  const flashProtocol = data?.flashProtocol;
  if (flashProtocol) return flashProtocol === 'RPIBOOT' ? 'internalFlash' : flashProtocol;
  const defaultBoot = data?.media?.defaultBoot;
  if (defaultBoot === 'image') return 'image';
  if (defaultBoot === 'internal') return 'externalFlash';
  if (defaultBoot) return 'externalBoot';
  throw new NotSupported(`Unable to determine installation method for contract: ${contract.slug}`);
}

/**
 * The install instructions of a device type: balenaOS's steps for its install method, filled with
 * the device type's own rendered partials.
 *
 * @param contract - a device-type contract
 * @returns the steps, or one list per host OS
 * @throws {@link @balena-ts/core#NotSupported} when the install method cannot be told
 */
export function instructionsOf(contract: Contract): DeviceTypeInstructions {
  const method = installMethodOf(contract);
  const hostOs = interpolatePartials({ ...HOST_OS_CONTRACT, deviceType: interpolatePartials(contract) } as Contract);
  return (hostOs.partials?.[method] ?? []) as DeviceTypeInstructions;
}
