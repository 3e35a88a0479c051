// Worker-thread bootstrap for run-jobs.ts: loads TypeScript through tsx (a runtime dependency),
// so the same task module runs under the CLI, vitest and the app, then serves tasks one at a time.
import { parentPort, workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
const taskModule = await import(workerData.module);
const runTask = taskModule[workerData.exportName];

parentPort.on('message', async ({ index, task }) => {
  const report = (message) => parentPort.postMessage({ type: 'progress', index, message });
  try {
    if (typeof runTask !== 'function')
      throw new Error(`${workerData.module} has no export ${workerData.exportName}`);
    const result = await runTask(task, report);
    parentPort.postMessage({ type: 'result', index, result });
  } catch (error) {
    const plain = error instanceof Error ? error : new Error(String(error));
    parentPort.postMessage({
      type: 'error',
      index,
      error: { name: plain.name, message: plain.message, text: plain.text, location: plain.location },
    });
  }
});
