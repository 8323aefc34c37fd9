// Building a release from a project tarball's URL with balena's builder.
import { type Client, InvalidParameter, RequestError } from '@balena-ts/core';
import { type ApplicationIdentifier, checkApplicationIdentifier, getApplication } from '../internal/application.js';
import { checkObjectArgument } from '../internal/argument-checks.js';

/** Options of {@link createFromUrl}. */
export interface UrlDeployOptions {
  /** An http(s) URL, without credentials, of a tarball of the project (a docker-compose.yml, or a Dockerfile, at its root). */
  readonly url: string;
  /** True (the default) when the tarball holds everything in one root folder, to be stripped. */
  readonly shouldFlatten?: boolean;
  /** The builder's http(s) URL, without credentials; default `apiUrl` with its first `api` replaced by `builder` (a sandbox: its own URL). */
  readonly builderUrl?: string;
}

function checkOptions(options: UrlDeployOptions): UrlDeployOptions {
  checkObjectArgument('urlDeployOptions', options, 'expected { url, shouldFlatten }');
  for (const name of ['url', 'builderUrl'] as const) {
    const value: unknown = options[name];
    if (name === 'builderUrl' && value === undefined) continue;
    const parsed = typeof value === 'string' && URL.canParse(value) ? new URL(value) : undefined;
    if (parsed === undefined || !/^https?:$/.test(parsed.protocol)) {
      throw new InvalidParameter(`urlDeployOptions.${name}`, value, 'expected an http(s) URL');
    }
    // Credentials in the tarball's URL would be handed to balena's builder, and fetch refuses a
    // builder URL that carries them: refused here, before any request.
    if (parsed.username !== '' || parsed.password !== '') {
      throw new InvalidParameter(`urlDeployOptions.${name}`, value, 'expected a URL without credentials');
    }
  }
  if (options.shouldFlatten !== undefined && typeof options.shouldFlatten !== 'boolean') {
    throw new InvalidParameter('urlDeployOptions.shouldFlatten', options.shouldFlatten, 'expected a boolean');
  }
  return options;
}

/**
 * Starts a cloud build of a project tarball for an application (balena's builder, headless: the
 * build runs on without the caller) and resolves to the new release's id.
 *
 * @param client - the client (a developer of the application)
 * @param slugOrUuidOrId - the application: an id, a slug, a uuid or a name
 * @param urlDeployOptions - `url` of the tarball, `shouldFlatten` (default true), `builderUrl`
 * @returns the id of the release being built
 * @throws {@link @balena-ts/core#InvalidParameter} for a malformed application or options, before any request
 * @throws {@link @balena-ts/core#ApplicationNotFound} when no visible application matches
 * @throws {@link @balena-ts/core#RequestError} when the builder refuses (its message in `body`)
 * @example
 * ```ts
 * const releaseId = await createFromUrl(client, 'my-org/my-fleet', {
 *   url: 'https://github.com/balena-io-examples/balena-node-hello-world/archive/refs/heads/master.tar.gz',
 * });
 * ```
 */
export async function createFromUrl(
  client: Client,
  slugOrUuidOrId: ApplicationIdentifier,
  urlDeployOptions: UrlDeployOptions,
): Promise<number> {
  checkApplicationIdentifier(slugOrUuidOrId);
  const { url, shouldFlatten = true, builderUrl } = checkOptions(urlDeployOptions);
  const application = await getApplication<{ app_name: string; organization: { handle: string }[] }>(
    client,
    slugOrUuidOrId,
    { $select: 'app_name', $expand: { organization: { $select: 'handle' } } },
  );
  const owner = application.organization[0]?.handle ?? '';
  const answer = await client.request<{ started?: boolean; releaseId?: number; message?: string }>('/v3/buildFromUrl', {
    method: 'POST',
    baseUrl: builderUrl ?? client.config.apiUrl.replace('api', 'builder'),
    query: { headless: 'true', owner, app: application.app_name },
    body: { shouldFlatten, url },
  });
  if (answer?.started !== true || typeof answer.releaseId !== 'number') {
    throw new RequestError({
      status: 200,
      method: 'POST',
      url: '/v3/buildFromUrl',
      body: answer?.message ?? 'The build did not start',
    });
  }
  return answer.releaseId;
}
