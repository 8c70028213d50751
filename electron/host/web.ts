/**
 * `npm run web -- [<vault>] [--port N] [--db <file>]`: serves Concept Atlas in the browser (see server.ts).
 *
 * Default vault: the repo's `vault/`; default port 5199 (`--port 0` picks a free one). The first line on stdout is
 * exactly `Concept Atlas: http://127.0.0.1:<port>/?token=<token>`, printed as soon as the server listens (indexing
 * goes on in the background). Errors (missing vault, port taken) print one line on stderr and exit 1.
 * SIGINT/SIGTERM close the server and the index.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { startAtlasServiceThread } from '../services/service-thread.ts';
import { startHost, type Host } from './server.ts';

export const DEFAULT_PORT = 5199;
export const DEFAULT_VAULT = fileURLToPath(new URL('../../vault/', import.meta.url));

export interface WebArgs {
  vault: string;
  port: number;
  dbPath?: string;
}

const USAGE = 'usage: npm run web -- [<vault>] [--port N] [--db file]';

/** Parses `[<vault>] [--port N] [--db file]` with `util.parseArgs`. Throws an Error with a one-line message on bad input. */
export function parseWebArgs(argv: readonly string[]): WebArgs {
  const config = {
    args: [...argv],
    allowPositionals: true,
    strict: true,
    options: { port: { type: 'string' }, db: { type: 'string' } },
  } as const;
  let parsed: ReturnType<typeof parseArgs<typeof config>>;
  try {
    parsed = parseArgs(config);
  } catch (e) {
    throw new Error(`${e instanceof Error ? e.message : String(e)} (${USAGE})`);
  }
  const { values, positionals } = parsed;
  if (positionals.length > 1) throw new Error(`Unexpected argument ${JSON.stringify(positionals[1])} (${USAGE})`);
  let port = DEFAULT_PORT;
  if (values.port !== undefined) {
    const n = Number(values.port);
    if (values.port.trim() === '' || !Number.isInteger(n) || n < 0 || n > 65535) {
      throw new Error(`--port needs a number 0–65535, got ${JSON.stringify(values.port)}`);
    }
    port = n;
  }
  if (values.db === '') throw new Error('--db needs a file path');
  const dbPath = values.db === undefined ? undefined : path.resolve(values.db);
  return { vault: path.resolve(positionals[0] ?? DEFAULT_VAULT), port, dbPath };
}

/** Starts the service and the host; prints the URL line (unless `quiet`). Returns a function that shuts both down. */
export async function runWeb(
  args: WebArgs,
  opts: { quiet?: boolean } = {},
): Promise<{ host: Host; stop: () => Promise<void> }> {
  // The service runs in its own thread: indexing never delays an HTTP answer.
  const service = await startAtlasServiceThread({ vaultRoot: args.vault, dbPath: args.dbPath });
  let host: Host;
  try {
    host = await startHost({ service, port: args.port });
  } catch (e) {
    await service.close();
    const code = (e as NodeJS.ErrnoException).code;
    throw new Error(
      code === 'EADDRINUSE' ? `Port ${args.port} is in use; try --port 0` : e instanceof Error ? e.message : String(e),
    );
  }
  if (!opts.quiet) process.stdout.write(`Concept Atlas: ${host.url}\n`);
  service.ready.catch((e: unknown) => {
    console.error(`Indexing failed: ${e instanceof Error ? e.message : String(e)}`);
  });
  const stop = async () => {
    await host.close();
    await service.close();
  };
  return { host, stop };
}

async function main(): Promise<void> {
  let args: WebArgs;
  try {
    args = parseWebArgs(process.argv.slice(2));
  } catch (e) {
    console.error((e as Error).message);
    process.exit(1);
  }
  let stop: () => Promise<void>;
  try {
    ({ stop } = await runWeb(args));
  } catch (e) {
    console.error(e instanceof Error ? e.message : String(e));
    process.exit(1);
  }
  let stopping = false;
  const shutdown = () => {
    if (stopping) return;
    stopping = true;
    stop().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
}

// `import.meta.main` (Node 24): right for any path (spaces, non-ASCII, symlinks).
if (import.meta.main) {
  void main();
}
