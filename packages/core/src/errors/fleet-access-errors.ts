import type { BalenaErrorOptions } from './balena-error.js';
import { LookupError } from './lookup-errors.js';

/** No fleet membership matches the given id or `{ user, is_member_of__application }` key. */
export class ApplicationMembershipNotFound extends LookupError {
  /** The class name, kept explicitly because minifiers rename classes. */
  static override readonly errorName: string = 'ApplicationMembershipNotFound';
  /**
   * @param membership - the membership looked up (its id, or its key as text)
   * @param options - `cause`
   */
  constructor(membership: string | number, options?: BalenaErrorOptions) {
    super('Application Membership not found', membership, options);
  }
}

/** No fleet membership role (developer, operator, observer) has the given name. */
export class ApplicationMembershipRoleNotFound extends LookupError {
  /** The class name, kept explicitly because minifiers rename classes. */
  static override readonly errorName: string = 'ApplicationMembershipRoleNotFound';
  /**
   * @param roleName - the role looked up
   * @param options - `cause`
   */
  constructor(roleName: string | number, options?: BalenaErrorOptions) {
    super('Application membership role not found', roleName, options);
  }
}

/** No team matches the given id. */
export class TeamNotFound extends LookupError {
  /** The class name, kept explicitly because minifiers rename classes. */
  static override readonly errorName: string = 'TeamNotFound';
  /**
   * @param teamId - the team looked up
   * @param options - `cause`
   */
  constructor(teamId: string | number, options?: BalenaErrorOptions) {
    super('Team not found', teamId, options);
  }
}

/** No team membership matches the given id. */
export class TeamMembershipNotFound extends LookupError {
  /** The class name, kept explicitly because minifiers rename classes. */
  static override readonly errorName: string = 'TeamMembershipNotFound';
  /**
   * @param membershipId - the membership looked up
   * @param options - `cause`
   */
  constructor(membershipId: string | number, options?: BalenaErrorOptions) {
    super('Team Membership not found', membershipId, options);
  }
}

/** No team access to a fleet matches the given id. */
export class TeamApplicationAccessNotFound extends LookupError {
  /** The class name, kept explicitly because minifiers rename classes. */
  static override readonly errorName: string = 'TeamApplicationAccessNotFound';
  /**
   * @param accessId - the access looked up
   * @param options - `cause`
   */
  constructor(accessId: string | number, options?: BalenaErrorOptions) {
    super('Team application access not found', accessId, options);
  }
}

/** A team of that name already exists in the organization (balena-sdk's `team.rename` check). */
export class TeamNameTaken extends LookupError {
  /** The class name, kept explicitly because minifiers rename classes. */
  static override readonly errorName: string = 'TeamNameTaken';
  /**
   * @param name - the name asked for
   * @param options - `cause`
   */
  constructor(name: string | number, options?: BalenaErrorOptions) {
    super('A team with this name already exists in the organization', name, options);
  }
}
