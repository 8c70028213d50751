/**
 * A parse worker for tests/core/index/parse-budget-cpu.test.ts: the real parse worker's protocol and parser, plus two
 * stand-ins for what a busy machine and a crafted note do to a parse. A note containing `STALL-WAIT` first waits
 * 1.5 s without using the CPU (`Atomics.wait`), as a worker does when other programs hold both cores; one containing
 * `STALL-SPIN` burns CPU (up to 60 s of it) as a pathological note does.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { readAndParse, type ParseResult, type ParseTask } from '../../../electron/core/index/read-note.ts';
import { nodeVaultFs } from '../../../electron/core/index/vault-fs.ts';

const port = parentPort;
const slot = new Float64Array((workerData as { progress: SharedArrayBuffer }).progress);
const cpuMs = () => {
  const u = process.threadCpuUsage();
  return (u.user + u.system) / 1000;
};
port?.on('message', (msg: { id: number; tasks: ParseTask[] }) => {
  const results: ParseResult[] = [];
  for (let i = 0; i < msg.tasks.length; i++) {
    slot[0] = msg.id;
    slot[1] = i;
    slot[3] = cpuMs();
    slot[2] = Date.now();
    const text = Buffer.from(nodeVaultFs.readFile(msg.tasks[i].absPath)).toString('utf8');
    if (text.includes('STALL-WAIT')) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 1500);
    if (text.includes('STALL-SPIN')) {
      const until = cpuMs() + 60_000;
      while (cpuMs() < until);
    }
    results.push(readAndParse(nodeVaultFs, msg.tasks[i]));
  }
  slot[2] = 0;
  port.postMessage({ id: msg.id, results });
});
