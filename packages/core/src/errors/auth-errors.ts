import { BalenaError, type BalenaErrorOptions } from './balena-error.js';

/** The credentials were rejected. */
export class LoginFailed extends BalenaError {
  /** The class name, kept explicitly because minifiers rename classes. */
  static override readonly errorName: string = 'LoginFailed';
  /**
   * @param message - a readable description
   * @param options - `cause`: the underlying failure
   */
  constructor(message = 'Login failed', options?: BalenaErrorOptions) {
    super(message, options);
  }
}

/** The request needs a credential and none is available (or it was rejected). */
export class NotLoggedIn extends BalenaError {
  /** The class name, kept explicitly because minifiers rename classes. */
  static override readonly errorName: string = 'NotLoggedIn';
  /**
   * @param message - a readable description
   * @param options - `cause`: the underlying failure
   */
  constructor(message = 'Not logged in', options?: BalenaErrorOptions) {
    super(message, options);
  }
}

/** A token is neither a decodable JWT nor usable as a credential. */
export class MalformedToken extends BalenaError {
  /** The class name, kept explicitly because minifiers rename classes. */
  static override readonly errorName: string = 'MalformedToken';
  /**
   * @param message - a readable description
   * @param options - `cause`: the underlying failure
   */
  constructor(message = 'Malformed token', options?: BalenaErrorOptions) {
    super(message, options);
  }
}

/** The session token has expired. */
export class ExpiredToken extends BalenaError {
  /** The class name, kept explicitly because minifiers rename classes. */
  static override readonly errorName: string = 'ExpiredToken';
  /**
   * @param message - a readable description
   * @param options - `cause`: the underlying failure
   */
  constructor(message = 'The token has expired', options?: BalenaErrorOptions) {
    super(message, options);
  }
}
