/** Bundles the page script with esbuild; resolves to the bundle's path and the files it bundled. */
export function buildExample(): Promise<{ outfile: string; inputs: string[] }>;
