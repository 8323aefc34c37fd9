#!/usr/bin/env node
// The balena-sandbox command: not implemented yet (see the sandbox issue).
console.error("balena-sandbox: not implemented yet");
process.exit(1);
