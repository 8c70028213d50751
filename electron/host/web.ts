/**
 * `npm run web -- [<vault>] [--port N] [--db <file>]`: serves Concept Atlas in the browser (see server.ts).
 *
 * Default vault: the repo's `vault/`; default port 5199 (`--port 0` picks a free one). The first line on stdout is
 * exactly `Concept Atlas: http://127.0.0.1:<port>/?token=<token>`, printed as soon as the server listens (indexing
 * goes on in the background). Errors (missing vault, port taken) print one line on stderr and exit 1.
 * SIGINT/SIGTERM close the server and the index. "Open vault…" in the app switches the host to another vault
 * (services/vault-switcher.ts); the token stays, and every path is confined to the vault open now.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import crypto from 'node:crypto';
import envPaths from 'env-paths';
import { startAtlasServiceThread } from '../services/service-thread.ts';
import { startVaultSwitcher } from '../services/vault-switcher.ts';
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

/**
 * The index database of a vault the host opens: `--db` for the first vault; for a vault opened later with "Open
 * vault…", a file beside `--db` named by the vault path's hash (so a test run keeps all its files in one folder);
 * without `--db`, the engine's per-user cache path.
 */
export function dbPathFor(args: WebArgs, first: string, vaultRoot: string): string | undefined {
  if (!args.dbPath) return undefined;
  if (path.resolve(vaultRoot) === first) return args.dbPath;
  const hash = crypto.createHash('sha256').update(path.resolve(vaultRoot)).digest('hex').slice(0, 16);
  return path.join(path.dirname(args.dbPath), `vault-${hash}.db`);
}

/**
 * Where the host keeps its recent vaults: beside `--db` when given (tests and scripted runs keep their state
 * together), else in the per-user config folder (`env-paths`: `~/.config/concept-atlas/recent-vaults.json` on Linux).
 */
export function recentVaultsFile(args: WebArgs): string {
  const dir = args.dbPath ? path.dirname(args.dbPath) : envPaths('concept-atlas', { suffix: '' }).config;
  return path.join(dir, 'recent-vaults.json');
}

/** Starts the service and the host; prints the URL line (unless `quiet`). Returns a function that shuts both down. */
export async function runWeb(
  args: WebArgs,
  opts: { quiet?: boolean } = {},
): Promise<{ host: Host; stop: () => Promise<void> }> {
  // The service runs in its own thread: indexing never delays an HTTP answer. "Open vault…" replaces it (#12).
  const first = path.resolve(args.vault);
  const service = await startVaultSwitcher({
    vaultRoot: first,
    start: (vaultRoot) => startAtlasServiceThread({ vaultRoot, dbPath: dbPathFor(args, first, vaultRoot) }),
    recentFile: recentVaultsFile(args),
  });
  let host: Host;
  try {
    host = await startHost({ service, port: args.port, vaultRoot: () => service.root() });
  } catch (e) {
    await service.close();
    const code = (e as NodeJS.ErrnoException).code;
    throw new Error(
      code === 'EADDRINUSE' ? `Port ${args.port} is in use; try --port 0` : e instanceof Error ? e.message : String(e),
    );
  }
  // before a switch every connected window saves its edits to the vault open now (#12)
  service.countWindows(() => host.windows());
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
