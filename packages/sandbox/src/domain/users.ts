import { hashPassword } from '../auth/password.js';
import { randomHex } from '../auth/random.js';
import { messageError } from '../http/http-error.js';
import { attachActor, insertRow, newRow } from '../store/new-row.js';
import type { Row } from '../store/row.js';
import type { Store } from '../store/store.js';
import { membershipRoleId } from './memberships.js';

/** What a new user needs. */
export interface NewUser {
  username: string;
  email: string;
  password: string;
}

/** Creates a user with their own organization (handle = username), administered by them, as balena's signup does. */
export function createUserWithOrganization(store: Store, values: NewUser): { user: Row; organization: Row } {
  if (store.findUnique('user', ['username'], [values.username])) throw messageError(409, '"username" must be unique.');
  if (store.findUnique('user', ['email'], [values.email])) throw messageError(409, '"email" must be unique.');
  if (store.findUnique('organization', ['handle'], [values.username]))
    throw messageError(409, '"handle" must be unique.');
  const user = newRow(store, 'user', { username: values.username, email: values.email });
  user.password_hash = hashPassword(values.password);
  user.jwt_secret = randomHex(32);
  attachActor(store, 'user', user);
  store.put('user', user);
  const organization = insertRow(store, 'organization', { name: values.username, handle: values.username });
  insertRow(store, 'organization_membership', {
    user: user.id,
    is_member_of__organization: organization.id,
    organization_membership_role: membershipRoleId(store, 'administrator'),
  });
  return { user, organization };
}

/** The user with this e-mail address (a login with an `@`) or else this username. */
export function findUserByLogin(store: Store, login: string): Row | undefined {
  if (login.includes('@')) return store.findUnique('user', ['email'], [login]);
  return store.findUnique('user', ['username'], [login]);
}
