// The read-only tour against any balena API (`--api-url URL --token TOKEN`): it changes nothing.
import { Balena } from '@balena-ts/sdk';
import { printFleetTable } from './fleet-table.mjs';
import { detail, step, table } from './output.mjs';

const FLEET_LIMIT = 20;
const DEVICE_TYPE_LIMIT = 12;

/**
 * Runs the read-only tour.
 * @param options - `apiUrl`, `token` (a session token or an API key) and `dataDirectory` (kept apart from ~/.balena)
 */
export async function readOnlyTour({ apiUrl, token, dataDirectory }) {
  step(`Connecting to ${apiUrl}`);
  const balena = new Balena({ apiUrl, dataDirectory });
  await balena.auth.loginWithToken(token);
  const actor = await balena.auth.whoami();
  detail(`logged in as the ${actor.actorType} ${actor.username ?? actor.slug ?? actor.uuid ?? actor.id}`);

  step('Listing fleets');
  const fleets = await balena.models.application.getAll({
    $select: ['id', 'app_name', 'slug'],
    $orderby: 'app_name asc',
    $top: FLEET_LIMIT,
  });
  if (fleets.length === 0) detail('(no fleets)');
  else
    table(
      ['id', 'name', 'slug'],
      fleets.map((fleet) => ({ id: fleet.id, name: fleet.app_name, slug: fleet.slug })),
    );

  step('Listing devices');
  await printFleetTable(balena);

  step('Listing device types');
  const deviceTypes = await balena.models.config.getDeviceTypes();
  detail(`${deviceTypes.length} device types, e.g.:`);
  table(
    ['slug', 'name'],
    deviceTypes.slice(0, DEVICE_TYPE_LIMIT).map((type) => ({ slug: type.slug, name: type.name })),
  );
}
