import type { BalenaErrorOptions } from './balena-error.js';
import { LookupError } from './lookup-errors.js';

/** No release asset matches the given id, or key within its release. */
export class ReleaseAssetNotFound extends LookupError {
  /** The class name, kept explicitly because minifiers rename classes. */
  static override readonly errorName: string = 'ReleaseAssetNotFound';
  /**
   * @param idOrKey - the asset looked up: its id, or a description of its release and key
   * @param options - `cause`
   */
  constructor(idOrKey: string | number, options?: BalenaErrorOptions) {
    super('Release asset not found', idOrKey, options);
  }
}

/** The release already has an asset under that key (balena-sdk's `release.asset.upload` without `overwrite`). */
export class ReleaseAssetAlreadyExists extends LookupError {
  /** The class name, kept explicitly because minifiers rename classes. */
  static override readonly errorName: string = 'ReleaseAssetAlreadyExists';
  /**
   * @param key - a description of the release and the asset key asked for
   * @param options - `cause`
   */
  constructor(key: string | number, options?: BalenaErrorOptions) {
    super('Release asset already exists', key, options);
  }
}
