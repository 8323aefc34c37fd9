import { redact } from '../errors/redact.js';
import { RedirectRefused } from '../errors/request-errors.js';
import { withWholeBody } from './response.js';

// Reads carry no body: fetch may follow their redirects (dropping the credential on a change of
// origin), and the answer is checked afterwards.
const READ_METHODS: ReadonlySet<string> = new Set(['GET', 'HEAD']);

/**
 * Creates the fetch that ofetch sends each attempt with. Around the platform's fetch it adds two
 * things ofetch does not do:
 * - a redirect policy: a read follows redirects within its origin only; a write follows none,
 *   because fetch would resend its body on a 307/308 and turn it into a GET on a 301/302/303;
 * - for whole-body requests, the body is read inside the fetch, so that a connection dropped
 *   mid-answer is a failed attempt that ofetch's retry sees, and the timeout covers the body.
 *
 * @param baseFetch - returns the fetch to call (the client's, or the global one at call time)
 * @param readWholeBody - true to read the body before resolving; false for streamed answers
 * @returns a fetch for ofetch's `createFetch`
 * @throws {@link RedirectRefused} (from the returned fetch) for a redirect it will not follow
 */
export function createTransportFetch(baseFetch: () => typeof fetch, readWholeBody: boolean): typeof fetch {
  return async (input, init) => {
    // Stryker disable next-line StringLiteral: ofetch always passes the method the request layer names
    const method = (init?.method ?? 'GET').toUpperCase();
    const isRead = READ_METHODS.has(method);
    const url = String(input);
    // Set on ofetch's own options object for this call (made anew for every call), not on a copy.
    const response = await baseFetch()(input, Object.assign(init ?? {}, { redirect: isRead ? 'follow' : 'manual' }));
    const refusal = isRead ? crossOriginRedirect(url, method, response) : writeRedirect(url, method, response);
    if (refusal) {
      await response.body?.cancel().catch(() => undefined);
      throw refusal;
    }
    return readWholeBody ? withWholeBody(response) : response;
  };
}

function crossOriginRedirect(url: string, method: string, response: Response): RedirectRefused | undefined {
  if (!response.redirected || !response.url || new URL(response.url).origin === new URL(url).origin) return undefined;
  return new RedirectRefused(
    `${method} ${url} was redirected to ${redact(response.url)}, another origin: its answer was not used`,
    { location: response.url },
  );
}

function writeRedirect(url: string, method: string, response: Response): RedirectRefused | undefined {
  // In a browser a redirect in 'manual' mode is an opaque answer: its status and target are hidden.
  if (response.type === 'opaqueredirect') {
    return new RedirectRefused(`${method} ${url} was redirected: a write does not follow redirects`);
  }
  const location = response.headers.get('location');
  if (response.status < 300 || response.status > 399 || location === null) return undefined;
  const target = new URL(location, url).href;
  return new RedirectRefused(
    `${method} ${url} was redirected (${response.status}) to ${redact(target)}: a write does not follow redirects, ` +
      'which would resend its body or turn it into a GET',
    { status: response.status, location: target },
  );
}
