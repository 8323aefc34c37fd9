// The least code that talks to balena's API: fetch, a bearer token, OData URLs written by hand.
// The floor every SDK is compared with. Filters are written the way pine clients write them
// (spaces as %20, quotes left bare) because the API parses the raw URL.

/**
 * @param {string} apiUrl
 * @param {string} email
 * @param {string} password
 * @returns {Promise<(method: string, path: string, body?: unknown) => Promise<any>>}
 */
export async function connect(apiUrl, email, password) {
  const base = apiUrl.replace(/\/+$/, '');
  const login = await fetch(`${base}/login_`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: email, password }),
  });
  if (!login.ok) throw new Error(`login: HTTP ${login.status}`);
  const token = await login.text();
  async function api(method, path, body) {
    const response = await fetch(`${base}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${token}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    if (!response.ok) {
      const error = new Error(`${method} ${path}: HTTP ${response.status} ${text.slice(0, 200)}`);
      error.status = response.status;
      throw error;
    }
    return text && response.headers.get('content-type')?.includes('json') ? JSON.parse(text) : text;
  }
  /** A GET whose answer the caller reads itself (the bench's memory floor: bytes read and dropped). */
  api.stream = async (path) => {
    const response = await fetch(`${base}${path}`, { headers: { authorization: `Bearer ${token}` } });
    if (!response.ok) throw new Error(`GET ${path}: HTTP ${response.status}`);
    return response;
  };
  return api;
}

/** An OData string literal. */
export function literal(value) {
  return `'${encodeURIComponent(String(value).replaceAll("'", "''"))}'`;
}
