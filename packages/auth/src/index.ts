/**
 * Authentication for balena-ts: log in with a password, a session token or an API key, log out,
 * and find out who is logged in. The session token goes to the client's storage, where core's
 * token provider hands it to every other package. Two-factor authentication lives in
 * `@balena-ts/auth/two-factor`.
 *
 * @packageDocumentation
 */

export type { Actor, ActorBase, ApplicationActor, DeviceActor, UserActor } from '@balena-ts/core';
export { authenticate } from './authenticate.js';
export type { LoginCredentials, RegisterCredentials } from './credentials.js';
export { getActorId } from './get-actor-id.js';
export { getEmail } from './get-email.js';
export { getToken } from './get-token.js';
export { getUserId } from './get-user-id.js';
export { getUserInfo } from './get-user-info.js';
export { isLoggedIn } from './is-logged-in.js';
export { logOut } from './log-out.js';
export { login } from './login.js';
export { loginWithToken } from './login-with-token.js';
export { register } from './register.js';
export { requestVerificationEmail } from './request-verification-email.js';
export type { UserInfo } from './user-info.js';
export { type VerificationPayload, verifyEmail } from './verify-email.js';
export { whoAmI } from './who-am-i.js';
export { whoami } from './whoami.js';
