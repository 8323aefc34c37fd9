/** This package's version, sent in the default client identification. Keep in step with package.json. */
export const VERSION = '0.0.0';
