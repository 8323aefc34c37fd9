import type { PineClient } from '../odata/pine-types.js';
import type { RequestFunction } from '../request/types.js';
import type { KeyValueStorage } from '../storage/key-value-storage.js';
import type { TokenProvider } from '../tokens/types.js';
import type { ClientConfig } from './options.js';

/**
 * A balena-ts client: plain data that every operation takes as its first argument.
 * Create it with `createClient(options)`.
 */
export interface Client {
  /** The resolved, frozen configuration. */
  readonly config: ClientConfig;
  /** Where the session token and settings live. */
  readonly storage: KeyValueStorage;
  /** The credential source of every request. */
  readonly tokens: TokenProvider;
  /** Sends a request to the API. */
  readonly request: RequestFunction;
  /** The OData client. */
  readonly pine: PineClient;
  /**
   * Aborts every request of this client: set by `withOptions` when it is given a signal (or the
   * client it derives from has one). Functions that send several requests check it between them,
   * so that nothing more is sent or waited for after an abort.
   */
  readonly signal?: AbortSignal;
}

/** Where the session token lives in storage: the name the balena CLI uses for its token file. */
export const TOKEN_STORAGE_KEY = 'token';
