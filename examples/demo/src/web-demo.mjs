// `npm run demo -- --web`: the fleet dashboard (examples/dashboard) on a living fleet in the
// embedded sandbox, served until Ctrl-C.
import { startLiveDashboard } from '@balena-ts/example-dashboard/live-dashboard';
import { detail, step } from './output.mjs';

/**
 * Starts the sandbox, its simulated fleets and the dashboard page, prints the page's URL, and
 * closes everything on Ctrl-C (SIGINT) or SIGTERM.
 * @param options - `port`: the page's port (0 picks a free one)
 */
export async function webDemo({ port }) {
  step('Starting the embedded balena sandbox with two living fleets and the dashboard');
  const dashboard = await startLiveDashboard({ port });
  const { email, password } = dashboard.sandbox.superuser;
  detail(`API at ${dashboard.sandbox.url}`);
  for (const fleet of dashboard.fleets) detail(`fleet ${fleet.slug}: ${fleet.devices.length} devices online`);
  console.log(`\nOpen the fleet dashboard: ${dashboard.url}`);
  console.log(`(the login form is filled in: ${email} / ${password})`);
  console.log('Press Ctrl-C to stop.');
  const signal = await new Promise((resolve) => {
    process.once('SIGINT', () => resolve('SIGINT'));
    process.once('SIGTERM', () => resolve('SIGTERM'));
  });
  step(`Stopping (${signal})`);
  await dashboard.close();
  detail('page server closed, devices stopped, sandbox closed');
}
