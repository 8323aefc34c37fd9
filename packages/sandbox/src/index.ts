// A local balena-compatible API server for tests, demos and offline fleet tooling.
// Not implemented yet: see the open issue for this package.
export {};
