import type { Sandbox, SeededRelease, SimulatedDevice } from '@balena-ts/sandbox';

/** A fleet the live dashboard seeded: its rows, its two releases (older first) and its simulated devices. */
export interface LiveFleet {
  id: number;
  slug: string;
  uuid: string;
  releases: SeededRelease[];
  devices: SimulatedDevice[];
}

/** What {@link startLiveDashboard} started. */
export interface LiveDashboard {
  /** The page's URL, with the sandbox's API URL and demo credentials in its query string. */
  url: string;
  sandbox: Sandbox;
  fleets: LiveFleet[];
  /** Stops the page server, the devices and the sandbox. */
  close(): Promise<void>;
}

/** Starts the sandbox with seeded fleets and live devices, and serves the dashboard next to it. */
export function startLiveDashboard(options?: { port?: number }): Promise<LiveDashboard>;
