import { createBalena, type Platform } from './create-balena.js';
import type { BalenaOptions, BalenaSdk } from './facade-types.js';

/**
 * The facade's shape: `BalenaBase` has every member of {@link BalenaSdk}, which the constructor
 * fills in. Declared as an interface beside the class so that the tree is written once, in
 * {@link describeBalena}, rather than once more as class fields.
 */
export interface BalenaBase extends BalenaSdk {}

/**
 * The base of `Balena`: it takes the platform (where settings and the token live) and nothing
 * else. Extend `Balena` to add helpers of your own.
 */
// biome-ignore lint/suspicious/noUnsafeDeclarationMerging: the constructor assigns every member of the interface above.
export abstract class BalenaBase implements BalenaSdk {
  /**
   * Creates the client and binds every module to it.
   *
   * @param platform - settings-node's or settings-browser's pieces
   * @param options - the caller's options
   * @throws {@link @balena-ts/core#InvalidOption} when the options or the platform's settings are invalid
   */
  protected constructor(platform: Platform, options: BalenaOptions) {
    // The instance itself stays open so that subclasses can add their own helpers; the tree
    // under it is frozen.
    Object.assign(this, createBalena(platform, options));
  }
}
