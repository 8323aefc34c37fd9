import {
  AmbiguousApplication,
  AmbiguousDevice,
  AmbiguousRelease,
  ApplicationMembershipRoleNotFound,
  ApplicationNotFound,
  BalenaError,
  ReleaseAssetAlreadyExists as CoreReleaseAssetAlreadyExists,
  DeviceNotFound,
  ExpiredToken,
  ImageNotFound,
  InvalidDeviceType,
  InvalidParameter,
  KeyNotFound,
  LoginFailed,
  MalformedToken,
  NotLoggedIn,
  OrganizationMembershipRoleNotFound,
  OrganizationNotFound,
  ReleaseNotFound,
  RequestError,
  ServiceNotFound,
  SupervisorLocked,
} from '@balena-ts/core';

// One error, two names. Every class below extends the balena-ts class it stands for without
// giving itself a new `errorName`, so core's brand check (`Symbol.hasInstance` on BalenaError)
// answers `instanceof BalenaDeviceNotFound` for every `DeviceNotFound` balena-ts throws, and
// `instanceof DeviceNotFound` for a `BalenaDeviceNotFound` made here. Errors thrown through
// compat are the same objects balena-ts threw, with balena-sdk's `code`, `name`, message and
// fields added by {@link toBalenaSdkError}; nothing of ours is removed.

/** Gives an error balena-sdk's name and code (both are the class name there). */
function rename(error: BalenaError, name: string): void {
  Object.defineProperty(error, 'code', { value: name, enumerable: true, writable: true, configurable: true });
  Object.defineProperty(error, 'name', { value: name, enumerable: true, writable: true, configurable: true });
}

/** Sets balena-errors' own fields and message on one of our errors. */
function assign(error: BalenaError, fields: Record<string, unknown>, message?: string): void {
  for (const [field, value] of Object.entries(fields)) {
    if (!(field in error))
      Object.defineProperty(error, field, { value, enumerable: true, writable: true, configurable: true });
  }
  if (message !== undefined) error.message = message;
}

/** balena-sdk's `BalenaDeviceNotFound`: balena-ts's `DeviceNotFound` under balena-sdk's name. */
export class BalenaDeviceNotFound extends DeviceNotFound {
  /** @param device - the device looked up */
  constructor(device: string | number) {
    super(device);
    toBalenaSdkError(this);
  }
}

/** balena-sdk's `BalenaApplicationNotFound`: balena-ts's `ApplicationNotFound`. */
export class BalenaApplicationNotFound extends ApplicationNotFound {
  /** @param application - the fleet looked up */
  constructor(application: string | number) {
    super(application);
    toBalenaSdkError(this);
  }
}

/** balena-sdk's `BalenaReleaseNotFound`: balena-ts's `ReleaseNotFound`. */
export class BalenaReleaseNotFound extends ReleaseNotFound {
  /** @param release - the release looked up */
  constructor(release: string | number) {
    super(release);
    toBalenaSdkError(this);
  }
}

/** balena-sdk's `BalenaImageNotFound`: balena-ts's `ImageNotFound`. */
export class BalenaImageNotFound extends ImageNotFound {
  /** @param image - the image looked up */
  constructor(image: string | number) {
    super(image);
    toBalenaSdkError(this);
  }
}

/** balena-sdk's `BalenaServiceNotFound`: balena-ts's `ServiceNotFound`. */
export class BalenaServiceNotFound extends ServiceNotFound {
  /** @param service - the service looked up */
  constructor(service: string | number) {
    super(service);
    toBalenaSdkError(this);
  }
}

/** balena-sdk's `BalenaOrganizationNotFound`: balena-ts's `OrganizationNotFound`. */
export class BalenaOrganizationNotFound extends OrganizationNotFound {
  /** @param organization - the organization looked up */
  constructor(organization: string | number) {
    super(organization);
    toBalenaSdkError(this);
  }
}

/** balena-sdk's `BalenaKeyNotFound`: balena-ts's `KeyNotFound`. */
export class BalenaKeyNotFound extends KeyNotFound {
  /** @param key - the key looked up */
  constructor(key: string | number) {
    super(key);
    toBalenaSdkError(this);
  }
}

/** balena-sdk's `BalenaAmbiguousDevice`: balena-ts's `AmbiguousDevice`. */
export class BalenaAmbiguousDevice extends AmbiguousDevice {
  /** @param device - the device looked up */
  constructor(device: string | number) {
    super(device);
    toBalenaSdkError(this);
  }
}

/** balena-sdk's `BalenaAmbiguousApplication`: balena-ts's `AmbiguousApplication`. */
export class BalenaAmbiguousApplication extends AmbiguousApplication {
  /** @param application - the fleet looked up */
  constructor(application: string | number) {
    super(application);
    toBalenaSdkError(this);
  }
}

/** balena-sdk's `BalenaAmbiguousRelease`: balena-ts's `AmbiguousRelease`. */
export class BalenaAmbiguousRelease extends AmbiguousRelease {
  /** @param release - the release looked up */
  constructor(release: string | number) {
    super(release);
    toBalenaSdkError(this);
  }
}

/** balena-sdk's `BalenaInvalidParameterError`: balena-ts's `InvalidParameter`. */
export class BalenaInvalidParameterError extends InvalidParameter {
  /**
   * @param parameterName - the parameter's name
   * @param suppliedValue - the value given
   */
  constructor(parameterName: string, suppliedValue: unknown) {
    super(parameterName, suppliedValue);
    toBalenaSdkError(this);
  }
}

/** balena-sdk's `BalenaRequestError`: balena-ts's `RequestError`. */
export class BalenaRequestError extends RequestError {
  /**
   * @param body - the response body
   * @param statusCode - the HTTP status
   */
  constructor(body: unknown, statusCode: number) {
    super({ status: statusCode, method: 'GET', url: '', body });
    toBalenaSdkError(this);
  }
}

/** balena-sdk's `BalenaNotLoggedIn`: balena-ts's `NotLoggedIn`. */
export class BalenaNotLoggedIn extends NotLoggedIn {
  constructor() {
    super();
    toBalenaSdkError(this);
  }
}

/** balena-sdk's `BalenaInvalidLoginCredentials`: balena-ts's `LoginFailed`. */
export class BalenaInvalidLoginCredentials extends LoginFailed {
  constructor() {
    super();
    toBalenaSdkError(this);
  }
}

/** balena-sdk's `BalenaMalformedToken`: balena-ts's `MalformedToken`. */
export class BalenaMalformedToken extends MalformedToken {
  constructor() {
    super();
    toBalenaSdkError(this);
  }
}

/** balena-sdk's `BalenaExpiredToken`: balena-ts's `ExpiredToken`. */
export class BalenaExpiredToken extends ExpiredToken {
  constructor() {
    super();
    toBalenaSdkError(this);
  }
}

/** balena-sdk's `BalenaInvalidDeviceType`: balena-ts's `InvalidDeviceType`. */
export class BalenaInvalidDeviceType extends InvalidDeviceType {
  /** @param type - the device type given */
  constructor(type: string) {
    super(`Invalid device type: ${type}`);
    toBalenaSdkError(this);
  }
}

/** balena-sdk's `BalenaSupervisorLockedError`: balena-ts's `SupervisorLocked`. */
export class BalenaSupervisorLockedError extends SupervisorLocked {
  constructor() {
    super();
    toBalenaSdkError(this);
  }
}

/** balena-sdk's `BalenaOrganizationMembershipRoleNotFound`: balena-ts's `OrganizationMembershipRoleNotFound`. */
export class BalenaOrganizationMembershipRoleNotFound extends OrganizationMembershipRoleNotFound {
  /** @param role - the role looked up */
  constructor(role: string) {
    super(role);
    toBalenaSdkError(this);
  }
}

/** balena-sdk's `BalenaApplicationMembershipRoleNotFound`: balena-ts's `ApplicationMembershipRoleNotFound`. */
export class BalenaApplicationMembershipRoleNotFound extends ApplicationMembershipRoleNotFound {
  /** @param role - the role looked up */
  constructor(role: string | number) {
    super(role);
    toBalenaSdkError(this);
  }
}

/**
 * balena-sdk's `ReleaseAssetAlreadyExists`: balena-ts's `ReleaseAssetAlreadyExists`, with
 * balena-sdk's message, `name` and `code` (`'BalenaError'`, as balena-sdk leaves it).
 */
export class ReleaseAssetAlreadyExists extends CoreReleaseAssetAlreadyExists {
  /**
   * @param release - the release
   * @param assetKey - the asset key asked for
   */
  constructor(release: string | number, assetKey: string) {
    super(`${release}/${assetKey}`);
    toBalenaSdkError(this);
    this.message = `Release asset combination of ${release} and ${assetKey} already exists`;
  }
}

/** Sets a field balena-ts's base class declares read-only. */
function define(error: object, field: string, value: unknown): void {
  Object.defineProperty(error, field, { value, enumerable: true, writable: true, configurable: true });
}

/**
 * balena-sdk's `BalenaTooManyRequests`, compat-only: a balena-ts `RequestError` (status 429) under
 * balena-errors' name, code and message. Every 429 balena-ts gives up on (after its retries)
 * becomes one when thrown through compat.
 */
export class BalenaTooManyRequests extends RequestError {
  /** The class name, kept explicitly because minifiers rename classes. */
  static override readonly errorName: string = 'BalenaTooManyRequests';
  /** When the API said to try again, if it said. */
  declare nextValidRequestDate: unknown;
  /** @param nextValidRequestDate - when the API said to try again */
  constructor(nextValidRequestDate?: unknown) {
    super({ status: 429, method: 'GET', url: '', body: undefined });
    define(this, 'nextValidRequestDate', nextValidRequestDate);
    this.message = `Too Many Requests. Try again ${nextValidRequestDate || 'later'}`;
  }
}

/** balena-sdk's `BalenaDiscontinuedDeviceType`, compat-only: an `InvalidDeviceType` (and `BalenaInvalidDeviceType`). */
export class BalenaDiscontinuedDeviceType extends InvalidDeviceType {
  /** The class name, kept explicitly because minifiers rename classes. */
  static override readonly errorName: string = 'BalenaDiscontinuedDeviceType';
  /** The device type given. */
  declare type: string;
  /** @param type - the device type given */
  constructor(type: string) {
    // balena-errors passes its message through BalenaInvalidDeviceType's, hence the double prefix.
    super(`Invalid device type: Discontinued device type: ${type}`);
    define(this, 'type', type);
  }
}

/** balena-sdk's `BalenaSettingsPermissionError`, compat-only: settings storage could not be read. */
export class BalenaSettingsPermissionError extends BalenaError {
  /** The class name, kept explicitly because minifiers rename classes. */
  static override readonly errorName: string = 'BalenaSettingsPermissionError';
  /** @param messageOrCause - a message, or the file system error whose message this error takes */
  constructor(messageOrCause?: unknown) {
    super(
      messageOrCause instanceof Error ? messageOrCause.message : String(messageOrCause ?? ''),
      messageOrCause instanceof Error ? { cause: messageOrCause } : undefined,
    );
  }
}

/**
 * balena-sdk's `OSImageNotFound`, compat-only: no OS image for that device type and version.
 * Its `code` is `'BalenaError'`, as balena-sdk leaves it.
 */
export class OSImageNotFound extends BalenaError {
  /** The class name, kept explicitly because minifiers rename classes. */
  static override readonly errorName: string = 'OSImageNotFound';
  /**
   * @param deviceType - the device type slug
   * @param version - the OS version
   * @param imageType - the image type, if one was asked for
   */
  constructor(deviceType: string, version: string, imageType?: string) {
    super(
      imageType
        ? `No image found for device type ${deviceType}, version ${version}, and image type ${imageType}`
        : `No image found for device type ${deviceType} and version ${version}`,
    );
    define(this, 'code', 'BalenaError');
  }
}

/** How one balena-ts error class reads under balena-sdk's name. */
interface Translation {
  readonly name: string;
  /** balena-sdk's `code` when it is not the name. */
  readonly code?: string;
  readonly apply?: (error: BalenaError & Record<string, unknown>) => void;
}

const describe = (value: unknown): string => (typeof value === 'string' ? value : JSON.stringify(value));

// Keyed by balena-ts's class name (`errorName`); balena-errors' names, fields and messages.
const TRANSLATIONS: Readonly<Record<string, Translation>> = {
  DeviceNotFound: { name: 'BalenaDeviceNotFound', apply: (e) => assign(e, { device: e.value }) },
  ApplicationNotFound: { name: 'BalenaApplicationNotFound', apply: (e) => assign(e, { application: e.value }) },
  ReleaseNotFound: { name: 'BalenaReleaseNotFound', apply: (e) => assign(e, { release: e.value }) },
  ImageNotFound: { name: 'BalenaImageNotFound', apply: (e) => assign(e, { image: e.value }) },
  ServiceNotFound: { name: 'BalenaServiceNotFound', apply: (e) => assign(e, { service: e.value }) },
  OrganizationNotFound: { name: 'BalenaOrganizationNotFound', apply: (e) => assign(e, { organization: e.value }) },
  KeyNotFound: { name: 'BalenaKeyNotFound' },
  AmbiguousDevice: { name: 'BalenaAmbiguousDevice', apply: (e) => assign(e, { device: e.value }) },
  AmbiguousApplication: { name: 'BalenaAmbiguousApplication', apply: (e) => assign(e, { application: e.value }) },
  AmbiguousRelease: {
    name: 'BalenaAmbiguousRelease',
    apply: (e) =>
      assign(
        e,
        { release: e.value },
        `Release is ambiguous: There are multiple releases matching the release hash '${describe(e.value)}'`,
      ),
  },
  InvalidParameter: {
    name: 'BalenaInvalidParameterError',
    apply: (e) =>
      assign(
        e,
        { parameterName: e.parameter, suppliedValue: e.value },
        `Invalid parameter: ${describe(e.value)} is not a valid value for parameter '${describe(e.parameter)}'`,
      ),
  },
  RequestError: {
    name: 'BalenaRequestError',
    apply: (e) => assign(e, { statusCode: e.status }, `Request error: ${describe(e.serverMessage ?? e.body)}`),
  },
  NotLoggedIn: { name: 'BalenaNotLoggedIn', apply: (e) => assign(e, {}, 'You have to log in') },
  LoginFailed: { name: 'BalenaInvalidLoginCredentials', apply: (e) => assign(e, {}, 'Invalid login credentials') },
  MalformedToken: { name: 'BalenaMalformedToken', apply: (e) => assign(e, {}, 'Malformed token') },
  ExpiredToken: { name: 'BalenaExpiredToken', apply: (e) => assign(e, {}, 'The token expired') },
  InvalidDeviceType: { name: 'BalenaInvalidDeviceType' },
  SupervisorLocked: { name: 'BalenaSupervisorLockedError', apply: (e) => assign(e, {}, 'Supervisor locked') },
  OrganizationMembershipRoleNotFound: {
    name: 'BalenaOrganizationMembershipRoleNotFound',
    apply: (e) =>
      assign(
        e,
        { organizationMembershipRole: e.value },
        `Organization membership role not found: ${describe(e.value)}`,
      ),
  },
  ApplicationMembershipRoleNotFound: {
    name: 'BalenaApplicationMembershipRoleNotFound',
    apply: (e) =>
      assign(e, { applicationMembershipRole: e.value }, `Application membership role not found: ${describe(e.value)}`),
  },
  ReleaseAssetAlreadyExists: { name: 'ReleaseAssetAlreadyExists', code: 'BalenaError' },
};

/** balena-sdk throws `BalenaTooManyRequests`, not `BalenaRequestError`, for a final 429. */
function toTooManyRequests(error: RequestError): void {
  Object.defineProperty(error, Symbol.for('balena-ts.error.BalenaTooManyRequests'), { value: true });
  assign(error, { nextValidRequestDate: undefined }, 'Too Many Requests. Try again later');
  rename(error, 'BalenaTooManyRequests');
}

/** Marks an error compat has already given balena-sdk's names. */
const TRANSLATED = Symbol.for('balena-ts.compat.translated');

/**
 * Gives an error balena-ts threw balena-sdk's name, `code`, message and fields (`device`,
 * `parameterName`, `statusCode`...), in place: the object stays the same, so `instanceof` its
 * balena-ts class and its own fields (`value`, `status`, `body`, `cause`...) keep working.
 * Errors of classes balena-sdk has no name for, and anything that is not a balena-ts error, pass unchanged.
 *
 * @param error - what a module function threw
 * @returns the same value
 * @example
 * ```ts
 * try { await device.get(client, uuid); } catch (error) { throw toBalenaSdkError(error); }
 * ```
 */
export function toBalenaSdkError<E>(error: E): E {
  if (!(error instanceof BalenaError) || (error as unknown as Record<symbol, unknown>)[TRANSLATED]) return error;
  if (error instanceof RequestError && error.status === 429 && !(error instanceof BalenaTooManyRequests)) {
    Object.defineProperty(error, TRANSLATED, { value: true });
    toTooManyRequests(error);
    return error;
  }
  const translation = TRANSLATIONS[(error.constructor as typeof BalenaError).errorName];
  if (translation === undefined) return error;
  Object.defineProperty(error, TRANSLATED, { value: true });
  translation.apply?.(error as BalenaError & Record<string, unknown>);
  rename(error, translation.name);
  if (translation.code !== undefined) define(error, 'code', translation.code);
  return error;
}

/**
 * balena-sdk's `errors`: its class names, each the balena-ts class it stands for (see the classes
 * above); `BalenaError` is balena-ts's base class itself.
 */
export const errors = {
  BalenaError,
  BalenaDeviceNotFound,
  BalenaApplicationNotFound,
  BalenaReleaseNotFound,
  BalenaImageNotFound,
  BalenaServiceNotFound,
  BalenaOrganizationNotFound,
  BalenaKeyNotFound,
  BalenaAmbiguousDevice,
  BalenaAmbiguousApplication,
  BalenaAmbiguousRelease,
  BalenaInvalidParameterError,
  BalenaRequestError,
  BalenaNotLoggedIn,
  BalenaInvalidLoginCredentials,
  BalenaMalformedToken,
  BalenaExpiredToken,
  BalenaInvalidDeviceType,
  BalenaSupervisorLockedError,
  BalenaOrganizationMembershipRoleNotFound,
  BalenaApplicationMembershipRoleNotFound,
  BalenaTooManyRequests,
  BalenaDiscontinuedDeviceType,
  BalenaSettingsPermissionError,
  OSImageNotFound,
  ReleaseAssetAlreadyExists,
} as const;
