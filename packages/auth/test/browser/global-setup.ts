import { startSandbox } from '@balena-ts/sandbox';
import type { TestProject } from 'vitest/node';

/** What the browser tests get from the Node side: where the sandbox is, and two accounts. */
export interface BrowserSandbox {
  url: string;
  superuser: { username: string; email: string; password: string };
  twoFactorUser: { username: string; password: string; totpSecret: string };
}

declare module 'vitest' {
  export interface ProvidedContext {
    sandbox: BrowserSandbox;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const sandbox = await startSandbox();
  const twoFactorUser = await sandbox.createUser({ twoFactor: true });
  project.provide('sandbox', {
    url: sandbox.url,
    superuser: {
      username: sandbox.superuser.username,
      email: sandbox.superuser.email,
      password: sandbox.superuser.password,
    },
    twoFactorUser: {
      username: twoFactorUser.username,
      password: twoFactorUser.password,
      totpSecret: twoFactorUser.totpSecret ?? '',
    },
  });
  return async () => {
    await sandbox.close();
  };
}
