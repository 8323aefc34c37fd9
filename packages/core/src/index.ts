// The core of balena-ts: client, requests, tokens, OData, pagination, storage and errors.

export type { Actor, ActorBase, ApplicationActor, DeviceActor, UserActor } from './actor/actor.js';
export type { Client } from './client/client.js';
export { TOKEN_STORAGE_KEY } from './client/client.js';
export { createClient, DEBUG_ENVIRONMENT_VARIABLE } from './client/create-client.js';
export type { ClientConfig, ClientOptions, RateLimitInfo } from './client/options.js';
export {
  DEFAULT_API_URL,
  DEFAULT_API_VERSION,
  DEFAULT_DEADLINE_MS,
  DEFAULT_REQUEST_BATCH_SIZE,
  DEFAULT_RETRY_COUNT,
  DEFAULT_RETRY_DELAY_MS,
  DEFAULT_TIMEOUT_MS,
  DEFAULT_TOKEN_REFRESH_INTERVAL_MS,
} from './client/resolve-config.js';
export type { RequestDefaults } from './client/with-options.js';
export { withOptions } from './client/with-options.js';
export { ExpiredToken, LoginFailed, MalformedToken, NotLoggedIn } from './errors/auth-errors.js';
export type { BalenaErrorOptions } from './errors/balena-error.js';
export { BalenaError, isBalenaError } from './errors/balena-error.js';
export { checkOptionsObject } from './errors/check-options-object.js';
export {
  DeviceNotWebAccessible,
  DeviceOffline,
  IncompatibleApplication,
  InvalidApplicationType,
  InvalidDeviceType,
  OsUpdateFailed,
  OsUpdateNotSupported,
  SupervisorLocked,
} from './errors/device-errors.js';
export {
  ApplicationMembershipNotFound,
  ApplicationMembershipRoleNotFound,
  TeamApplicationAccessNotFound,
  TeamMembershipNotFound,
  TeamNameTaken,
  TeamNotFound,
} from './errors/fleet-access-errors.js';
export {
  AmbiguousApplication,
  AmbiguousDevice,
  AmbiguousRelease,
  ApplicationNotFound,
  DeviceNotFound,
  ImageNotFound,
  KeyNotFound,
  LookupError,
  OrganizationMembershipNotFound,
  OrganizationMembershipRoleNotFound,
  OrganizationNotFound,
  ReleaseNotFound,
  ServiceNotFound,
} from './errors/lookup-errors.js';
export { InvalidOption, InvalidParameter, MissingOption, NotSupported } from './errors/parameter-errors.js';
export { redact } from './errors/redact.js';
export { ReleaseAssetAlreadyExists, ReleaseAssetNotFound } from './errors/release-asset-errors.js';
export type { NetworkErrorOptions, RedirectRefusedDetails, RequestErrorDetails } from './errors/request-errors.js';
export {
  NetworkError,
  RedirectRefused,
  RequestError,
  RequestHookError,
  TimeoutError,
} from './errors/request-errors.js';
export { isFullUuid } from './identifiers/is-full-uuid.js';
export { isPositiveId } from './identifiers/is-positive-id.js';
export { parseDeviceIdentifier } from './identifiers/parse-device-identifier.js';
export { parseReleaseIdentifier } from './identifiers/parse-release-identifier.js';
export { parseRowId } from './identifiers/parse-row-id.js';
export type { ChunkFilterValuesParams } from './odata/chunk-filter-values.js';
export { chunkFilterValues, MAX_URL_LENGTH } from './odata/chunk-filter-values.js';
export { escapeString } from './odata/escape.js';
export { buildFilter } from './odata/filter.js';
export { mergeOptions } from './odata/merge.js';
export { mergePineOptions } from './odata/merge-pine-options.js';
export type { PineClient, PineGetManyParams, PineGetOneParams } from './odata/pine-types.js';
export { buildQuery } from './odata/query.js';
export { formatResourceId } from './odata/resource-id.js';
export type {
  FieldFilter,
  Filter,
  FilterEntry,
  FilterLambda,
  FilterOperators,
  ODataOptions,
  ODataValue,
  OrderBy,
  ResourceId,
} from './odata/types.js';
export { DEFAULT_PAGE_SIZE } from './pagination/page-iterable.js';
export { paginate } from './pagination/paginate.js';
export type { StreamCollectionParams } from './pagination/stream-collection.js';
export { streamCollection } from './pagination/stream-collection.js';
export type { PageIterable, PaginateParams } from './pagination/types.js';
export type {
  RequestErrorHookContext,
  RequestHookContext,
  RequestHookInfo,
  RequestHooks,
  ResponseHookContext,
} from './request/hooks.js';
export { MAX_RETRY_AFTER_MS, MAX_RETRY_DELAY_MS } from './request/retry.js';
export type { RequestFunction, RequestMethod, RequestOptions } from './request/types.js';
export type { KeyValueStorage } from './storage/key-value-storage.js';
export { createMemoryStorage } from './storage/memory-storage.js';
export { decodeJwtClaims, isJwt, isTokenExpired } from './tokens/jwt.js';
export { TOKEN_EXPIRY_MARGIN_MS } from './tokens/token-provider.js';
export type { JwtClaims, TokenProvider } from './tokens/types.js';
