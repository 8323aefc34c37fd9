import type { SandboxContext } from '../context.js';
import { registerFaultRoutes } from '../faults/fault-routes.js';
import type { Middleware, Router } from '../http/router.js';
import { registerLogsRoutes } from '../logs/logs-routes.js';
import { registerSupervisorProxyRoutes } from '../supervisor/proxy-routes.js';
import { registerRestartRoutes } from '../supervisor/restart-routes.js';
import { registerAdminRoutes } from './admin-routes.js';
import { registerApiKeyRoutes } from './api-key-routes.js';
import { registerApplicationInviteRoutes } from './application-invite-routes.js';
import { registerAuthRoutes } from './auth-routes.js';
import { registerBillingRoutes } from './billing-routes.js';
import { registerBuilderRoutes } from './builder-routes.js';
import { registerChunkedUploadRoutes } from './chunked-upload-routes.js';
import { registerConfigRoutes } from './config-routes.js';
import { registerDeviceRoutes } from './device-routes.js';
import { registerDownloadRoutes } from './download-routes.js';
import { registerODataRoutes } from './odata-routes.js';
import { registerOrganizationRoutes } from './organization-routes.js';
import { registerTotpRoutes } from './totp-routes.js';
import { registerWebResourceRoutes } from './web-resource-routes.js';

/** A route module: adds its routes (and, optionally, middleware) to the server. */
export type RouteModule = (context: SandboxContext, router: Router, middleware: Middleware[]) => void;

/**
 * Every route module, in matching order. New modules (logs, supervisor proxy, simulator, faults)
 * are added to this list and nowhere else; see ARCHITECTURE.md.
 */
export const ROUTE_MODULES: RouteModule[] = [
  registerAuthRoutes,
  registerApiKeyRoutes,
  registerTotpRoutes,
  registerDeviceRoutes,
  registerConfigRoutes,
  registerDownloadRoutes,
  registerAdminRoutes,
  registerOrganizationRoutes,
  registerODataRoutes,
  // Second engineer: logs, supervisor proxy, simulator and fault-injection modules go here.
  registerLogsRoutes,
  registerSupervisorProxyRoutes,
  registerRestartRoutes,
  registerFaultRoutes,
  registerBillingRoutes,
  registerApplicationInviteRoutes,
  registerWebResourceRoutes,
  registerChunkedUploadRoutes,
  registerBuilderRoutes,
];
