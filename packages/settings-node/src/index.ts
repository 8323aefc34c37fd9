// balena-ts settings and token storage on the filesystem, compatible with the balena CLI.
// Not implemented yet: see the open issue for this package.
export {};
