// balena-ts settings and token storage on localStorage.
// Not implemented yet: see the open issue for this package.
export {};
