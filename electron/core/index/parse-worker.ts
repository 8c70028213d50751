/**
 * Parse worker (worker_threads): reads and parses the notes it is sent and posts the results back.
 * Message in: `{ id, tasks: ParseTask[] }`; message out: `{ id, results: ParseResult[] }`.
 * Loaded as `new Worker(new URL('./parse-worker.ts', import.meta.url))` (Node type stripping) or from an explicit
 * URL in bundled builds.
 */
import { parentPort } from 'node:worker_threads';
import { readAndParse, type ParseTask } from './read-note.ts';
import { nodeVaultFs } from './vault-fs.ts';

const port = parentPort;
if (port) {
  port.on('message', (msg: { id: number; tasks: ParseTask[] }) => {
    const results = msg.tasks.map((t) => readAndParse(nodeVaultFs, t));
    port.postMessage({ id: msg.id, results });
  });
}
