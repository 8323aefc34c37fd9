import type { ODataOptions } from '@balena-ts/core';

/** The resource of API keys. */
export const API_KEY = 'api_key';

/** How every listing of API keys is ordered: by name. */
export const API_KEYS_BY_NAME: ODataOptions = { $orderby: 'name asc' };
