/** Bundles the dashboard's script with esbuild; resolves to the bundle's path and the files it bundled. */
export function buildDashboard(): Promise<{ outfile: string; inputs: string[] }>;
