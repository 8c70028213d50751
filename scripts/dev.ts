/**
 * `npm run dev -- [<vault>] [--port N] [--db <file>]`: works on the UI with hot reload. Starts the browser host (the
 * service in its own thread, on a free port) and Vite's dev server for the renderer (default port 5173), which
 * proxies `/api`, `/vault-file` and the `/events` WebSocket to the host. The host's rules hold unchanged: the proxy
 * presents the host's own Host and Origin, and the per-run token still has to come with every call (it is in the URL
 * printed, and the page keeps it as usual). Prints `Concept Atlas (dev): http://127.0.0.1:<port>/?token=<token>`.
 */
import { fileURLToPath } from 'node:url';
import { parseArgsOrUsage } from './cli-args.ts';
import { createServer } from 'vite';
import { DEFAULT_VAULT, runWeb } from '../electron/host/web.ts';

const DEV_PORT = 5173;

async function main(): Promise<number> {
  const config = {
    allowPositionals: true,
    strict: true,
    options: { port: { type: 'string' }, db: { type: 'string' } },
  } as const;
  const parsed = parseArgsOrUsage(config, 'usage: npm run dev -- [<vault>] [--port N] [--db file]');
  if (!parsed) return 2;
  const { host, stop } = await runWeb(
    {
      vault: parsed.positionals[0] ?? DEFAULT_VAULT,
      port: 0,
      dbPath: parsed.values.db,
    },
    { quiet: true },
  );
  const target = `http://127.0.0.1:${host.port}`;
  const asHost = {
    target,
    changeOrigin: true,
    // The host refuses calls whose Origin is not its own: the proxy speaks for the dev page.
    configure: (proxy: { on(event: string, fn: (req: { setHeader(k: string, v: string): void }) => void): void }) => {
      proxy.on('proxyReq', (req) => req.setHeader('origin', target));
      proxy.on('proxyReqWs', (req) => req.setHeader('origin', target));
    },
  };
  const vite = await createServer({
    configFile: fileURLToPath(new URL('../renderer/vite.config.ts', import.meta.url)),
    server: {
      host: '127.0.0.1',
      port: parsed.values.port === undefined ? DEV_PORT : Number(parsed.values.port),
      proxy: { '/api': asHost, '/vault-file': asHost, '/events': { ...asHost, ws: true } },
    },
  });
  await vite.listen();
  const url = vite.resolvedUrls?.local[0] ?? `http://127.0.0.1:${DEV_PORT}/`;
  process.stdout.write(`Concept Atlas (dev): ${url}?token=${host.token}\n`);
  const shutdown = () => void Promise.allSettled([vite.close(), stop()]).then(() => process.exit(0));
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
  return 0;
}

main().then(
  (code) => {
    if (code) process.exit(code);
  },
  (e) => {
    console.error(e instanceof Error ? e.message : String(e));
    process.exit(1);
  },
);
