import { randomHex } from '../auth/random.js';
import type { Actor } from '../domain/actor.js';
import { membershipRoleId } from '../domain/memberships.js';
import { randomDeviceName } from '../domain/names.js';
import { emptyError } from '../http/http-error.js';
import { insertRow } from '../store/new-row.js';
import type { Row } from '../store/row.js';
import type { Store } from '../store/store.js';

const UUID_32 = /^[0-9a-f]{32}$/;

/** balena's fleet slug: `<organization handle>/<app name>`, lower-cased. */
export function applicationSlug(store: Store, row: Row): string {
  const organization = store.get('organization', row.organization as number);
  return `${organization?.handle ?? ''}/${String(row.app_name ?? '')}`.toLowerCase();
}

/** Fills in what balena derives on insert (slug, uuid, names). */
export function prepareInsert(store: Store, resource: string, row: Row): void {
  switch (resource) {
    case 'application':
      if (typeof row.uuid !== 'string' || !UUID_32.test(row.uuid)) row.uuid = randomHex(32);
      row.slug = applicationSlug(store, row);
      break;
    case 'device':
      if (typeof row.uuid !== 'string' || row.uuid === '') row.uuid = randomHex(32);
      if (typeof row.device_name !== 'string' || row.device_name === '') row.device_name = randomDeviceName();
      break;
    case 'organization':
      if (typeof row.handle !== 'string' || row.handle === '') {
        row.handle = String(row.name ?? '')
          .toLowerCase()
          .replace(/[^a-z0-9_]+/g, '_');
      }
      break;
    case 'organization_membership':
      if (row.organization_membership_role === null) {
        row.organization_membership_role = membershipRoleId(store, 'member');
      }
      break;
    case 'release':
      if (typeof row.commit !== 'string' || row.commit === '') row.commit = randomHex(32);
      break;
  }
}

/** Re-derives dependent values after a PATCH. */
export function prepareUpdate(store: Store, resource: string, next: Row, previous: Row): void {
  if (
    resource === 'application' &&
    (next.app_name !== previous.app_name || next.organization !== previous.organization)
  ) {
    next.slug = applicationSlug(store, next);
  }
}

/** Resources that own an actor get a new one on insert (after every check has passed). */
export function attachActor(store: Store, resource: string, row: Row): void {
  if (resource === 'application' || resource === 'device' || resource === 'user') {
    row.actor = insertRow(store, 'actor', {}).id;
  }
}

/** After an insert: a user creating an organization becomes its administrator (its owner). */
export function afterInsert(store: Store, resource: string, row: Row, actor: Actor): void {
  if (resource === 'organization' && actor.kind === 'user') {
    insertRow(store, 'organization_membership', {
      user: actor.userId,
      is_member_of__organization: row.id,
      organization_membership_role: membershipRoleId(store, 'administrator'),
    });
  }
}

/** Resources that can never be created through `/v7` (balena: 401). */
export function refuseCreate(resource: string): void {
  if (resource === 'user' || resource === 'api_key' || resource === 'actor') throw emptyError(401);
}
