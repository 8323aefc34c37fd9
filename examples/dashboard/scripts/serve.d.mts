/** Serves the dashboard page and its bundle on 127.0.0.1; resolves to the base URL and a `close()`. */
export function serveDashboard(port?: number): Promise<{ url: string; close(): Promise<void> }>;
