/**
 * balena-sdk 23's shape over balena-ts: `import { getSdk } from '@balena-ts/sdk/compat'` in place
 * of `import { getSdk } from 'balena-sdk'`. Every function is a balena-ts module function with the
 * client bound, mapped by name in one table; errors carry balena-sdk's names and codes.
 *
 * @packageDocumentation
 */

export type { OmitClient } from './bind.js';
export {
  BalenaAmbiguousApplication,
  BalenaAmbiguousDevice,
  BalenaAmbiguousRelease,
  BalenaApplicationMembershipRoleNotFound,
  BalenaApplicationNotFound,
  BalenaDeviceNotFound,
  BalenaDiscontinuedDeviceType,
  BalenaExpiredToken,
  BalenaImageNotFound,
  BalenaInvalidDeviceType,
  BalenaInvalidLoginCredentials,
  BalenaInvalidParameterError,
  BalenaKeyNotFound,
  BalenaMalformedToken,
  BalenaNotLoggedIn,
  BalenaOrganizationMembershipRoleNotFound,
  BalenaOrganizationNotFound,
  BalenaReleaseNotFound,
  BalenaRequestError,
  BalenaServiceNotFound,
  BalenaSettingsPermissionError,
  BalenaSupervisorLockedError,
  BalenaTooManyRequests,
  errors,
  OSImageNotFound,
  ReleaseAssetAlreadyExists,
  toBalenaSdkError,
} from './compat/errors.js';
export {
  type BalenaCompatDescriptor,
  type BalenaSdkCompat,
  fromSharedOptions,
  getSdk,
  type SdkOptions,
  setSharedOptions,
} from './compat/get-sdk.js';
export {
  type InterceptedRequest,
  type InterceptedResponse,
  type Interceptor,
  interceptorHooks,
} from './compat/interceptors.js';
export type { LogSubscriptionEmitter } from './compat/log-emitter.js';
export {
  adapt,
  bindCompat,
  type CompatAdapter,
  type CompatDescriptor,
  type CompatEntry,
  type CompatEntryOf,
  type CompatModule,
  type CompatNode,
  type CompatOf,
  compatModule,
  type Operation,
  type SameNames,
  same,
} from './compat/machinery.js';
export { type CompatPine, type CompatPineParams, type CompatPoll, compatPine } from './compat/pine.js';
export {
  type NodeReadableLike,
  type SendOptions,
  type SendResponse,
  type StreamResponse,
  sendRequest,
  streamRequest,
} from './compat/request-send.js';
export { type ApplicationCreation, describeCompat, type ForceOption, type LogOptions } from './compat/table.js';
export type { SettingsFunctions } from './describe-balena.js';
export type { FacadeValue } from './facade.js';
export type { IsTypedOptions, ResourceOf, TypedQuery, WithRow } from './typed-query.js';
