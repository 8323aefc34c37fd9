// balena-ts authentication and two-factor auth.
// Not implemented yet: see the open issue for this package.
export {};
