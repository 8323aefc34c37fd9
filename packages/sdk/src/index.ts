// The balena-ts facade: new Balena(options) with the whole seed tree.
// Not implemented yet: see the open issue for this package.
export {};
