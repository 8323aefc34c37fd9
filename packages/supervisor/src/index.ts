// balena-ts supervisor actions, through the balena API proxy or the local supervisor.
// Not implemented yet: see the open issue for this package.
export {};
