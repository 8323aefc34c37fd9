import * as semver from 'balena-semver';
import type { SandboxContext } from '../context.js';
import { createApiKey } from '../domain/api-keys.js';
import { configVars } from '../domain/config-vars.js';
import { deviceTypeManifest } from '../domain/device-type-manifest.js';
import { deviceTypeId } from '../domain/seeding.js';
import { emptyError, messageError } from '../http/http-error.js';
import { sendEmpty, sendJson } from '../http/respond.js';
import type { Router, SandboxRequest } from '../http/router.js';

const DEFAULT_APP_UPDATE_POLL_INTERVAL_MS = 60_000;
const MINUTE_MS = 60_000;
/** The analytics (Mixpanel) token of `/config` and config.json: a placeholder, nothing is ever sent. */
const ANALYTICS_TOKEN = 'disabled';
const DEVICE_ICON = 'data:image/svg+xml;base64,PHN2ZyB4bWxucz0iaHR0cDovL3d3dy53My5vcmcvMjAwMC9zdmciLz4=';

/** `GET /config`: balena-cloud's public settings (open-balena lacks it; the SDK's config.getAll needs it). */
function publicConfig(context: SandboxContext): Record<string, unknown> {
  return {
    deployment: 'sandbox',
    deviceUrlsBase: context.config.deviceUrlsBase,
    adminUrl: context.url,
    gitServerUrl: 'git.sandbox.invalid',
    DEVICE_ONLINE_ICON: DEVICE_ICON,
    DEVICE_OFFLINE_ICON: DEVICE_ICON,
    // balena-cloud's analytics token; the sandbox sends no analytics, so the token says so.
    mixpanelToken: ANALYTICS_TOKEN,
    signupCodeRequired: false,
    supportedSocialProviders: [],
  };
}

async function downloadConfigParameters(request: SandboxRequest): Promise<Record<string, unknown>> {
  const body = request.method === 'POST' ? await request.body() : undefined;
  const fromBody =
    body !== null && typeof body === 'object' && !Array.isArray(body) ? (body as Record<string, unknown>) : {};
  return { ...Object.fromEntries(request.query), ...fromBody };
}

/** Public configuration, variable rules, config.json downloads and device-type manifests. */
export function registerConfigRoutes(context: SandboxContext, router: Router): void {
  const { store } = context;

  router.add('GET', '/ping', (_request, response) => {
    response.writeHead(200, { 'Content-Type': 'text/plain; charset=utf-8' });
    response.end('OK');
  });
  router.add('GET', '/connectivity-check', (_request, response) => sendEmpty(response, 204));
  router.add('GET', '/config', (_request, response) => sendJson(response, 200, publicConfig(context)));
  router.add('GET', '/config/vars', (request, response) => {
    const requested = request.query.get('deviceType');
    let slug: string | undefined;
    if (requested) {
      try {
        slug = store.get('device_type', deviceTypeId(store, requested))?.slug as string | undefined;
      } catch {
        // balena ignores a device type it does not know here.
      }
    }
    sendJson(response, 200, configVars(slug));
  });

  const downloadConfig = async (request: SandboxRequest, response: import('node:http').ServerResponse) => {
    const actor = context.authenticate(request);
    if (actor.kind !== 'user' || actor.partial) throw emptyError(401);
    const parameters = await downloadConfigParameters(request);
    if (parameters.appId === undefined || parameters.appId === '') throw messageError(400, 'An appId is required.');
    if (typeof parameters.version !== 'string' || parameters.version === '')
      throw messageError(400, 'A version is required.');
    const application = store.get('application', Number(parameters.appId));
    // balena turns "not allowed" into "not found" here.
    if (!application || !context.access(actor).applications().has(application.id)) throw emptyError(404);
    const deviceType =
      typeof parameters.deviceType === 'string' && parameters.deviceType !== ''
        ? parameters.deviceType
        : (store.get('device_type', application.is_for__device_type as number)?.slug as string);
    // balena compares with balena-semver, for which anything it cannot read is older than 1.2.0.
    if (semver.lte(parameters.version, '1.2.0')) {
      throw messageError(400, 'balenaOS versions <= 1.2.0 are no longer supported, please update');
    }
    const apiKey = createApiKey(store, application.actor as number, {
      name: parameters.provisioningKeyName ?? 'Automatically generated provisioning key',
      description: parameters.provisioningKeyDescription,
      expiryDate: parameters.provisioningKeyExpiryDate,
    });
    const host = request.raw.headers.host ?? context.url.replace(/^https?:\/\//, '');
    const minutes = Number(parameters.appUpdatePollInterval);
    const config: Record<string, unknown> = {
      applicationId: application.id,
      deviceType,
      userId: actor.userId,
      appUpdatePollInterval:
        Number.isFinite(minutes) && minutes > 0 ? minutes * MINUTE_MS : DEFAULT_APP_UPDATE_POLL_INTERVAL_MS,
      listenPort: 48484,
      vpnPort: 443,
      // balena writes https:// here even when it is served over plain http.
      apiEndpoint: `https://${host}`,
      vpnEndpoint: 'vpn.sandbox.invalid',
      registryEndpoint: 'registry.sandbox.invalid',
      deltaEndpoint: 'https://delta.sandbox.invalid',
      mixpanelToken: ANALYTICS_TOKEN,
      apiKey,
      logsEndpoint: 'https://logs.sandbox.invalid',
    };
    for (const name of ['wifiSsid', 'wifiKey', 'ip', 'gateway', 'netmask', 'hostname']) {
      if (typeof parameters[name] === 'string') config[name] = parameters[name];
    }
    const development = parameters.developmentMode;
    if (
      development === true ||
      development === 'true' ||
      development === 'on' ||
      development === '1' ||
      parameters.version.endsWith('.dev')
    ) {
      config.developmentMode = true;
    }
    sendJson(response, 200, config);
  };
  router.add('GET', '/download-config', downloadConfig);
  router.add('POST', '/download-config', downloadConfig);

  router.add('GET', '/device-types/v1', (_request, response) => {
    const manifests = Array.from(store.all('device_type'), (deviceType) =>
      deviceTypeManifest(store, deviceType.slug as string),
    );
    sendJson(response, 200, manifests);
  });
  router.add('GET', '/device-types/v1/:slug', (request, response) => {
    const alias = store.findUnique('device_type_alias', ['is_referenced_by__alias'], [request.params.slug]);
    const slug = alias
      ? (store.get('device_type', alias.device_type as number)?.slug as string)
      : String(request.params.slug);
    const manifest = deviceTypeManifest(store, slug);
    if (!manifest) throw messageError(404, `Unknown device type ${request.params.slug}`);
    sendJson(response, 200, manifest);
  });
}
