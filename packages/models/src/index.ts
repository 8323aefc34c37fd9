// balena-ts models: applications, devices, OS, config, keys, variables, tags, releases, images and services.
// Not implemented yet: see the open issue for this package.
export {};
