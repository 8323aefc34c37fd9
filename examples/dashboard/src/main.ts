// A fleet dashboard on the balena-ts facade: log in, pick a fleet, watch its devices live, pin a
// device to a release, follow its logs, download a balenaOS image with a progress bar.
// Plain TypeScript and DOM; esbuild bundles it with the facade's browser build.
import { Balena } from '@balena-ts/sdk';
import { type DeviceRow, fetchDeviceRows, renderDeviceRows } from './device-table.js';
import { element, messageOf, showStatus } from './dom.js';
import { followLogs } from './log-pane.js';
import { downloadOsImage } from './os-download.js';

const REFRESH_INTERVAL_MS = 2_000;

interface Fleet {
  id: number;
  name: string;
  deviceType: string;
}

const loginForm = element<HTMLFormElement>('login');
const fleetSelect = element<HTMLSelectElement>('fleet');
const releaseSelect = element<HTMLSelectElement>('release');
const deviceBody = element<HTMLTableElement>('devices').tBodies[0]!;

let balena: Balena;
let fleet: Fleet | undefined;
let rows: DeviceRow[] = [];
let selected: string | undefined;
let stopLogs: (() => void) | undefined;
let refreshing = false;

/** Runs an action from a click, showing its failure in the status line. */
function act(action: () => Promise<void>): void {
  action().catch((error: unknown) => showStatus(`Failed: ${messageOf(error)}`, 'error'));
}

async function logIn(form: FormData): Promise<void> {
  const apiUrl = String(form.get('apiUrl'));
  balena = new Balena({ apiUrl });
  showStatus(`Logging in to ${apiUrl}…`, 'logging-in');
  await balena.auth.login({ username: String(form.get('username')), password: String(form.get('password')) });
  const username = await balena.auth.whoAmI();

  const fleets = await balena.models.application.getAll({
    $select: ['id', 'app_name', 'is_for__device_type'],
    $expand: { is_for__device_type: { $select: 'slug' } },
    $orderby: 'app_name asc',
  });
  const choices: Fleet[] = fleets.map((row) => ({
    id: row.id,
    name: row.app_name,
    // Expanded, the navigation is an array of one device type.
    deviceType: Array.isArray(row.is_for__device_type) ? (row.is_for__device_type[0]?.slug ?? '') : '',
  }));
  fleetSelect.replaceChildren(...choices.map((choice) => new Option(choice.name, String(choice.id))));
  fleetSelect.onchange = () =>
    act(() => chooseFleet(choices.find((choice) => String(choice.id) === fleetSelect.value)));

  loginForm.hidden = true;
  element('dashboard').hidden = false;
  showStatus(`Logged in as ${username}: ${choices.length} fleet${choices.length === 1 ? '' : 's'}.`, 'ready');
  await chooseFleet(choices[0]);
  setInterval(() => act(refresh), REFRESH_INTERVAL_MS);
}

async function chooseFleet(chosen: Fleet | undefined): Promise<void> {
  fleet = chosen;
  selectDevice(undefined);
  if (fleet === undefined) return;
  element('device-type').textContent = fleet.deviceType;
  const releases = await balena.models.release.getAllByApplication(fleet.id, {
    $select: ['commit', 'semver', 'status'],
    $filter: { status: 'success' },
  });
  releaseSelect.replaceChildren(
    ...releases.map((release) => new Option(`${release.commit.slice(0, 7)} ${release.semver}`, release.commit)),
  );
  await refresh();
}

/** Re-reads the devices and redraws the table; a slow answer is not overtaken by the next tick. */
async function refresh(): Promise<void> {
  if (fleet === undefined || refreshing) return;
  refreshing = true;
  try {
    rows = await fetchDeviceRows(balena, fleet.id);
    renderDeviceRows(deviceBody, rows, selected);
    document.body.dataset.devices = String(rows.length);
  } finally {
    refreshing = false;
  }
}

function nameOf(uuid: string): string {
  return rows.find((row) => row.uuid === uuid)?.name ?? uuid;
}

function selectDevice(uuid: string | undefined): void {
  stopLogs?.();
  stopLogs = undefined;
  selected = uuid;
  renderDeviceRows(deviceBody, rows, selected);
  element('selected').hidden = uuid === undefined;
  if (uuid === undefined) return;
  element('selected-name').textContent = nameOf(uuid);
  stopLogs = followLogs(balena, uuid, element('logs'));
}

async function pin(): Promise<void> {
  if (selected === undefined) return;
  await balena.models.device.pinToRelease(selected, releaseSelect.value);
  showStatus(`Pinned ${nameOf(selected)} to ${releaseSelect.value.slice(0, 7)}.`, 'pinned');
  await refresh();
}

async function unpin(): Promise<void> {
  if (selected === undefined) return;
  await balena.models.device.trackApplicationRelease(selected);
  showStatus(`${nameOf(selected)} tracks the fleet's release again.`, 'tracking');
  await refresh();
}

// ---- OS update: the place for `device.startOsUpdate` -------------------------------------------
// `balena.models.device.startOsUpdate(uuid, targetOsVersion)` is being added to balena-ts. Once it
// is there: show the #os-update button for the selected device, call it on click, and draw the
// device's update progress (the table's status and progress, refreshed above) in a progress bar
// like the image download's. Deliberately not implemented yet.
// -------------------------------------------------------------------------------------------------

deviceBody.addEventListener('click', (event) => {
  const row = (event.target as HTMLElement).closest('tr');
  if (row?.dataset.uuid) selectDevice(row.dataset.uuid);
});
element('pin').addEventListener('click', () => act(pin));
element('unpin').addEventListener('click', () => act(unpin));
element('download').addEventListener('click', () => {
  if (fleet === undefined) return;
  const view = {
    progress: element<HTMLProgressElement>('download-progress'),
    text: element('download-text'),
    save: element<HTMLAnchorElement>('download-save'),
  };
  const fleetId = fleet.id;
  act(() => downloadOsImage(balena, fleetId, view));
});

// The login form, prefilled from the query string: `npm run demo -- --web` prints a URL that
// carries the sandbox's demo credentials. A real deployment would never put a password in a URL.
const query = new URLSearchParams(location.search);
for (const name of ['apiUrl', 'username', 'password']) {
  const input = loginForm.elements.namedItem(name) as HTMLInputElement;
  input.value = query.get(name) ?? '';
}
loginForm.addEventListener('submit', (event) => {
  event.preventDefault();
  const button = loginForm.querySelector('button');
  if (button) button.disabled = true;
  act(() =>
    logIn(new FormData(loginForm)).finally(() => {
      if (button) button.disabled = false;
    }),
  );
});
showStatus('Log in to a balena API.', 'login');
