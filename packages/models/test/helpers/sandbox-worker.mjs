// Runs a sandbox in a worker thread so that its memory is not counted in the test's heap.
import { parentPort, workerData } from 'node:worker_threads';
import { startSandbox } from '@balena-ts/sandbox';

const sandbox = await startSandbox({ port: 0 });
const application = await sandbox.seedApplication({ name: workerData.name });
await sandbox.seedDevices({ application: application.id, count: workerData.count });
parentPort.postMessage({ url: sandbox.url, token: sandbox.superuser.token, application });
parentPort.on('message', async (message) => {
  if (message === 'close') {
    await sandbox.close();
    parentPort.postMessage('closed');
  }
});
