// sendSupervisorAction, the supervisor proxy call behind a fleet's reboot, shutdown and purge,
// against the sandbox: its own timeout, and an update lock's 423 as SupervisorLocked with the
// answer as its cause.
import { RequestError, SupervisorLocked, TimeoutError } from '@balena-ts/core';
import { describe, expect, it } from 'vitest';
import { sendSupervisorAction } from '../src/internal/supervisor-action.js';
import { seedFleet, useTestContext } from './helpers/sandbox.js';

const context = useTestContext();

describe('sendSupervisorAction', () => {
  it('gives up after the timeout it is given', async () => {
    const { app } = await seedFleet(context, 0);
    context.sandbox.faults.add({ method: 'POST', path: '/supervisor/v1/purge', kind: 'delay', delayMs: 3_000 });
    try {
      const body = { appId: app.id, data: { appId: String(app.id) } };
      const error = await sendSupervisorAction(context.client, '/v1/purge', body, 100).catch(
        (caught: unknown) => caught,
      );
      expect(error).toBeInstanceOf(TimeoutError);
    } finally {
      context.sandbox.faults.clear();
    }
  });

  it("answers an update lock with SupervisorLocked, the supervisor's answer as its cause", async () => {
    const { app } = await seedFleet(context, 0);
    const fleet = await context.sandbox.simulateFleet({ application: app.id, count: 1, locked: true });
    try {
      const body = { appId: app.id, data: { force: false } };
      const error = await sendSupervisorAction(context.client, '/v1/reboot', body).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(SupervisorLocked);
      expect((error as Error).cause).toBeInstanceOf(RequestError);
      expect(((error as Error).cause as RequestError).status).toBe(423);
    } finally {
      await fleet.stop();
    }
  });
});
