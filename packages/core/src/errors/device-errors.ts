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
