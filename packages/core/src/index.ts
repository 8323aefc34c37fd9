// The core of balena-ts: client, requests, tokens, OData, pagination, storage and errors.
// Not implemented yet: see the open issue for this package.
export {};
