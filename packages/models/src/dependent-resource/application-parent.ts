import {
  type ApplicationIdentifier,
  checkApplicationIdentifier,
  getApplication,
  resolveApplicationId,
} from '../internal/application.js';
import { lookedUpParent, type ParentKind } from './parent-kind.js';

/** Applications as parents: a numeric id (used as given), a slug, a uuid or a name (looked up). */
export const applicationParent: ParentKind<ApplicationIdentifier> = /* @__PURE__ */ lookedUpParent(
  'slugOrUuidOrIdOrName',
  {
    isId: (application) => typeof checkApplicationIdentifier(application) === 'number',
    resolveId: resolveApplicationId,
    get: getApplication,
  },
);
