// The browser example: log in with the facade, list the devices, follow one device's logs live.
// The API URL and the credentials come from the query string so that the test (and you, against
// a local sandbox) can point the page anywhere:
//   index.html?apiUrl=http://127.0.0.1:4000&username=admin@example.com&password=...
// A real application would ask for them in a form instead of putting a password in a URL.
import { Balena } from '@balena-ts/sdk';

const MAX_LOG_LINES = 200;
const PAST_LOG_LINES = 10;

const query = new URLSearchParams(location.search);
const status = element('status');

function element(id: string): HTMLElement {
  const found = document.getElementById(id);
  if (found === null) throw new Error(`The page has no #${id}`);
  return found;
}

function show(message: string, state: string): void {
  status.textContent = message;
  document.body.dataset.state = state;
}

function cell(row: HTMLTableRowElement, text: string, className?: string): void {
  const td = row.insertCell();
  td.textContent = text;
  if (className) td.className = className;
}

async function main(): Promise<void> {
  const apiUrl = query.get('apiUrl') ?? 'http://127.0.0.1:4000';
  const balena = new Balena({ apiUrl });

  show(`Logging in to ${apiUrl}…`, 'logging-in');
  await balena.auth.login({ username: query.get('username') ?? '', password: query.get('password') ?? '' });
  const username = await balena.auth.whoAmI();

  const devices = await balena.models.device.getAll({
    $select: ['uuid', 'device_name', 'overall_status', 'is_connected_to_vpn', 'api_heartbeat_state'],
    $orderby: 'device_name asc',
  });
  const body = element('devices').querySelector('tbody');
  if (body === null) throw new Error('The device table has no body');
  for (const device of devices) {
    const online = device.is_connected_to_vpn || device.api_heartbeat_state === 'online';
    const row = body.insertRow();
    row.dataset.uuid = device.uuid;
    cell(row, device.device_name);
    cell(row, device.uuid.slice(0, 7));
    cell(row, device.overall_status);
    cell(row, online ? 'online' : 'offline', online ? 'online' : 'offline');
  }
  element('devices').hidden = false;
  show(`Logged in as ${username}: ${devices.length} device${devices.length === 1 ? '' : 's'}.`, 'listed');

  const followed = query.get('device') ?? devices[0]?.uuid;
  if (followed === undefined) return;
  element('logs-device').textContent = devices.find((device) => device.uuid === followed)?.device_name ?? followed;
  element('logs-title').hidden = false;
  const logs = element('logs');
  balena.logs.subscribe(
    followed,
    (line) => {
      const item = document.createElement('li');
      item.textContent = `${new Date(line.timestamp).toISOString().slice(11, 19)} ${line.message}`;
      if (line.isSystem) item.className = 'system';
      logs.append(item);
      while (logs.childElementCount > MAX_LOG_LINES) logs.firstElementChild?.remove();
      logs.scrollTop = logs.scrollHeight;
      document.body.dataset.logs = String(logs.childElementCount);
    },
    (error) => show(`Log stream ended: ${error instanceof Error ? error.message : String(error)}`, 'error'),
    PAST_LOG_LINES,
  );
}

main().catch((error: unknown) => {
  show(`Failed: ${error instanceof Error ? error.message : String(error)}`, 'error');
});
