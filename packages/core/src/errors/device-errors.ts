import { BalenaError, type BalenaErrorOptions } from './balena-error.js';

/** The device type is unknown or cannot be used here. */
export class InvalidDeviceType extends BalenaError {
  /** The class name, kept explicitly because minifiers rename classes. */
  static override readonly errorName: string = 'InvalidDeviceType';
  /**
   * @param message - a readable description
   * @param options - `cause`: the underlying failure
   */
  constructor(message = 'Invalid device type', options?: BalenaErrorOptions) {
    super(message, options);
  }
}

/** The application type is unknown. */
export class InvalidApplicationType extends BalenaError {
  /** The class name, kept explicitly because minifiers rename classes. */
  static override readonly errorName: string = 'InvalidApplicationType';
  /**
   * @param message - a readable description
   * @param options - `cause`: the underlying failure
   */
  constructor(message = 'Invalid application type', options?: BalenaErrorOptions) {
    super(message, options);
  }
}

/** The application cannot run on this device (another architecture or device type). */
export class IncompatibleApplication extends BalenaError {
  /** The class name, kept explicitly because minifiers rename classes. */
  static override readonly errorName: string = 'IncompatibleApplication';
  /**
   * @param message - a readable description
   * @param options - `cause`: the underlying failure
   */
  constructor(message = 'Incompatible application', options?: BalenaErrorOptions) {
    super(message, options);
  }
}

/** The device is not connected, so the action cannot reach it. */
export class DeviceOffline extends BalenaError {
  /** The class name, kept explicitly because minifiers rename classes. */
  static override readonly errorName: string = 'DeviceOffline';
  /**
   * @param message - a readable description
   * @param options - `cause`: the underlying failure
   */
  constructor(message = 'Device is offline', options?: BalenaErrorOptions) {
    super(message, options);
  }
}

/** The device has no public URL enabled. */
export class DeviceNotWebAccessible extends BalenaError {
  /** The class name, kept explicitly because minifiers rename classes. */
  static override readonly errorName: string = 'DeviceNotWebAccessible';
  /**
   * @param message - a readable description
   * @param options - `cause`: the underlying failure
   */
  constructor(message = 'Device is not web accessible', options?: BalenaErrorOptions) {
    super(message, options);
  }
}

/** The device supervisor holds an update lock and refused the action (HTTP 423). */
export class SupervisorLocked extends BalenaError {
  /** The class name, kept explicitly because minifiers rename classes. */
  static override readonly errorName: string = 'SupervisorLocked';
  /**
   * @param message - a readable description
   * @param options - `cause`: the underlying failure
   */
  constructor(message = 'Supervisor locked', options?: BalenaErrorOptions) {
    super(message, options);
  }
}

/** balenaOS cannot be updated between these versions on this device type (a downgrade, a dev/prod switch, too old a version). */
export class OsUpdateNotSupported extends BalenaError {
  /** The class name, kept explicitly because minifiers rename classes. */
  static override readonly errorName: string = 'OsUpdateNotSupported';
  /**
   * @param message - why the update is refused, in balena's words
   * @param options - `cause`: the underlying failure
   */
  constructor(message = 'OS update not supported', options?: BalenaErrorOptions) {
    super(message, options);
  }
}

/** A host OS update started but the device reported that it failed. */
export class OsUpdateFailed extends BalenaError {
  /** The class name, kept explicitly because minifiers rename classes. */
  static override readonly errorName: string = 'OsUpdateFailed';
  /**
   * @param message - the device's last reported state
   * @param options - `cause`: the underlying failure
   */
  constructor(message = 'OS update failed', options?: BalenaErrorOptions) {
    super(message, options);
  }
}
