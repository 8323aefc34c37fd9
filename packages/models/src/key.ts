// @balena-ts/models/key: the user's SSH public keys.
export { create, get, getAll, remove } from './key/key.js';
export type { FieldOf, Selected, TypedFilter, TypedOptions, TypedOrderBy } from './types/options.js';
export type { SshKey } from './types/ssh-key.js';
