#!/usr/bin/env node
// Runs inside a container on a balena device. The supervisor hands every container with the
// `io.balena.features.supervisor-api` label two variables: BALENA_SUPERVISOR_ADDRESS and
// BALENA_SUPERVISOR_API_KEY. With them set, @balena-ts/supervisor talks to the supervisor on this
// device directly: no balena API, no login.
import { createClient } from '@balena-ts/core';
import { getDeviceState, ping } from '@balena-ts/supervisor';

const { BALENA_SUPERVISOR_ADDRESS, BALENA_SUPERVISOR_API_KEY } = process.env;
if (!BALENA_SUPERVISOR_ADDRESS || !BALENA_SUPERVISOR_API_KEY) {
  console.error('Set BALENA_SUPERVISOR_ADDRESS and BALENA_SUPERVISOR_API_KEY (the supervisor sets them on a device).');
  process.exit(2);
}

const client = createClient();
try {
  console.log(`supervisor at ${BALENA_SUPERVISOR_ADDRESS}: ${await ping(client)}`);
  const state = await getDeviceState(client);
  console.log(`status:     ${state.status ?? 'unknown'}`);
  console.log(`release:    ${state.commit ?? 'none'}`);
  console.log(`os:         ${state.os_version ?? 'unknown'}`);
  console.log(`supervisor: ${state.supervisor_version ?? 'unknown'}`);
  console.log(`ip:         ${state.ip_address ?? 'unknown'}`);
} catch (error) {
  console.error(`The supervisor refused: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
}
