import { BalenaError, type BalenaErrorOptions } from './balena-error.js';

/**
 * The base of the "not found" and "ambiguous" errors: they all name the value that was looked up.
 */
export class LookupError extends BalenaError {
  /** The class name, kept explicitly because minifiers rename classes. */
  static override readonly errorName: string = 'LookupError';
  /** The id, uuid, slug, name or key that was looked up. */
  readonly value: string | number;

  /**
   * @param prefix - what went wrong, e.g. `'Device not found'`
   * @param value - the value that was looked up
   * @param options - `cause`: the underlying failure
   */
  constructor(prefix: string, value: string | number, options?: BalenaErrorOptions) {
    super(`${prefix}: ${value}`, options);
    this.value = value;
  }
}

/** No application matches the given id, slug or name. */
export class ApplicationNotFound extends LookupError {
  /** The class name, kept explicitly because minifiers rename classes. */
  static override readonly errorName: string = 'ApplicationNotFound';
  /**
   * @param slugOrUuidOrId - the application looked up
   * @param options - `cause`
   */
  constructor(slugOrUuidOrId: string | number, options?: BalenaErrorOptions) {
    super('Application not found', slugOrUuidOrId, options);
  }
}

/** More than one application matches the given name. */
export class AmbiguousApplication extends LookupError {
  /** The class name, kept explicitly because minifiers rename classes. */
  static override readonly errorName: string = 'AmbiguousApplication';
  /**
   * @param nameOrSlug - the application looked up
   * @param options - `cause`
   */
  constructor(nameOrSlug: string | number, options?: BalenaErrorOptions) {
    super('Application is ambiguous', nameOrSlug, options);
  }
}

/** No device matches the given id or uuid. */
export class DeviceNotFound extends LookupError {
  /** The class name, kept explicitly because minifiers rename classes. */
  static override readonly errorName: string = 'DeviceNotFound';
  /**
   * @param uuidOrId - the device looked up
   * @param options - `cause`
   */
  constructor(uuidOrId: string | number, options?: BalenaErrorOptions) {
    super('Device not found', uuidOrId, options);
  }
}

/** More than one device matches the given uuid. */
export class AmbiguousDevice extends LookupError {
  /** The class name, kept explicitly because minifiers rename classes. */
  static override readonly errorName: string = 'AmbiguousDevice';
  /**
   * @param uuidOrId - the device looked up
   * @param options - `cause`
   */
  constructor(uuidOrId: string | number, options?: BalenaErrorOptions) {
    super('Device is ambiguous', uuidOrId, options);
  }
}

/** No release matches the given id, commit or version. */
export class ReleaseNotFound extends LookupError {
  /** The class name, kept explicitly because minifiers rename classes. */
  static override readonly errorName: string = 'ReleaseNotFound';
  /**
   * @param commitOrId - the release looked up
   * @param options - `cause`
   */
  constructor(commitOrId: string | number, options?: BalenaErrorOptions) {
    super('Release not found', commitOrId, options);
  }
}

/** More than one release matches the given commit or version. */
export class AmbiguousRelease extends LookupError {
  /** The class name, kept explicitly because minifiers rename classes. */
  static override readonly errorName: string = 'AmbiguousRelease';
  /**
   * @param commitOrId - the release looked up
   * @param options - `cause`
   */
  constructor(commitOrId: string | number, options?: BalenaErrorOptions) {
    super('Release is ambiguous', commitOrId, options);
  }
}

/** No image matches the given id. */
export class ImageNotFound extends LookupError {
  /** The class name, kept explicitly because minifiers rename classes. */
  static override readonly errorName: string = 'ImageNotFound';
  /**
   * @param id - the image looked up
   * @param options - `cause`
   */
  constructor(id: string | number, options?: BalenaErrorOptions) {
    super('Image not found', id, options);
  }
}

/** No SSH key matches the given id. */
export class KeyNotFound extends LookupError {
  /** The class name, kept explicitly because minifiers rename classes. */
  static override readonly errorName: string = 'KeyNotFound';
  /**
   * @param id - the key looked up
   * @param options - `cause`
   */
  constructor(id: string | number, options?: BalenaErrorOptions) {
    super('Key not found', id, options);
  }
}

/** No service matches the given id or name. */
export class ServiceNotFound extends LookupError {
  /** The class name, kept explicitly because minifiers rename classes. */
  static override readonly errorName: string = 'ServiceNotFound';
  /**
   * @param nameOrId - the service looked up
   * @param options - `cause`
   */
  constructor(nameOrId: string | number, options?: BalenaErrorOptions) {
    super('Service not found', nameOrId, options);
  }
}

/** No organization matches the given handle or id. */
export class OrganizationNotFound extends LookupError {
  /** The class name, kept explicitly because minifiers rename classes. */
  static override readonly errorName: string = 'OrganizationNotFound';
  /**
   * @param handleOrId - the organization looked up
   * @param options - `cause`
   */
  constructor(handleOrId: string | number, options?: BalenaErrorOptions) {
    super('Organization not found', handleOrId, options);
  }
}

/** No organization membership matches the given id or `{ user, is_member_of__organization }` key. */
export class OrganizationMembershipNotFound extends LookupError {
  /** The class name, kept explicitly because minifiers rename classes. */
  static override readonly errorName: string = 'OrganizationMembershipNotFound';
  /**
   * @param membership - the membership looked up (an id, or its key written out)
   * @param options - `cause`
   */
  constructor(membership: string | number, options?: BalenaErrorOptions) {
    super('Organization Membership not found', membership, options);
  }
}

/** No organization membership role has the given name (balena's roles: `administrator`, `member`). */
export class OrganizationMembershipRoleNotFound extends LookupError {
  /** The class name, kept explicitly because minifiers rename classes. */
  static override readonly errorName: string = 'OrganizationMembershipRoleNotFound';
  /**
   * @param roleName - the role looked up
   * @param options - `cause`
   */
  constructor(roleName: string, options?: BalenaErrorOptions) {
    super('Organization membership role not found', roleName, options);
  }
}
