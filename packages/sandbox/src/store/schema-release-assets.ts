import { messageError } from '../http/http-error.js';
import { isUploadedWebResource } from '../http/multipart.js';
import { baseFields, columns, resource } from './field-builders.js';
import { byField, fleetScoped, via } from './resource-policy.js';
import type { ResourceDefinition } from './schema-types.js';

/**
 * Release assets (balena's `release_asset`): a file kept with a release under a key, unique per
 * release. `asset` is a web resource: written only as a file part of a multipart/form-data POST or
 * PATCH (see `http/multipart.ts`), read as `{ filename, content_type, size, href }`.
 */
export const releaseAssetResources: ResourceDefinition[] = [
  resource({
    name: 'release_asset',
    fields: [
      ...baseFields(),
      ...columns(`
        release    -> release cascade required
        asset_key  text   required
        asset      json
      `),
    ],
    unique: [['release', 'asset_key']],
    alternateKeys: ['release', 'asset_key'],
    policy: fleetScoped({ application: via('release', 'release', byField('belongs_to__application')) }),
    hooks: {
      parseBody: (body) => {
        // pinejs: a web resource value written other than as an uploaded file.
        if (body.asset !== undefined && body.asset !== null && !isUploadedWebResource(body.asset)) {
          throw messageError(400, 'Use multipart requests to upload a file.');
        }
        return body;
      },
    },
  }),
];
