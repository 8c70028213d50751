/**
 * The `atlas` command line: `npm run -s atlas -- <command> <vault> …` (foundation and learning issues).
 *
 * Exit codes: 0 success (also when `check` finds problems), 1 a one-line error on stderr (missing vault, unknown note,
 * bad option), 2 usage error. With `--json` a command prints exactly one JSON value on stdout; progress and
 * information lines go to stderr.
 *
 * `npm run atlas` runs this file's JavaScript bundle, out/cli/atlas.mjs, built first when missing or stale
 * (scripts/build-parse-worker.ts): from the TypeScript source, Node loads its type stripper and ~300 modules, ~0.3–0.5 s
 * of CPU before the first note (issue 13). It starts Node with `--max-semi-space-size=4` (MB): during a cold index
 * this thread deserialises the parse workers' results at a high rate and V8 grew its young generation to 64 MB (new
 * space, committed until exit); 4 MB semi-spaces keep it at 8 MB for ~5 % more CPU on this thread (issue 13,
 * docs/indexing-performance.md). The same flag is given to the cold-index process of `npm run bench` (scripts/bench.ts,
 * `CLI_NODE_FLAGS`).
 */
import { parseArgs as parseArgsUtil } from 'node:util';
import { commands } from './commands/index.ts';
import { CliError, type Command, type CommandContext, type CommandOptions, type ParsedArgs } from './command.ts';
import { openCliVault } from './open-index.ts';
import type { Vault } from '../core/vault.ts';

/** Options every command takes. */
const COMMON_OPTIONS = {
  json: { type: 'boolean' },
  db: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const satisfies CommandOptions;

/**
 * Splits argv into positional arguments and the options `command` declares (plus --json, --db, --help), with
 * `util.parseArgs` (strict: an unknown option or a missing value is an error). Throws CliError with a one-line message.
 */
export function parseArgs(argv: string[], command: Pick<Command, 'options'>): ParsedArgs {
  let parsed: ReturnType<typeof parseArgsUtil>;
  try {
    parsed = parseArgsUtil({
      args: argv,
      options: { ...COMMON_OPTIONS, ...command.options },
      allowPositionals: true,
      strict: true,
    });
  } catch (e) {
    throw new CliError(e instanceof Error ? e.message : String(e));
  }
  const options: Record<string, string | true> = {};
  for (const [name, value] of Object.entries(parsed.values)) {
    if (value === true || typeof value === 'string') options[name] = value;
  }
  return { positional: parsed.positionals, options };
}

function usage(): string {
  return ['usage: npm run -s atlas -- <command> …', '', ...commands.map((c) => `  ${c.usage}`)].join('\n');
}

export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === 'help' || name === '--help' || name === '-h') {
    process.stdout.write(usage() + '\n');
    return name ? 0 : 2;
  }
  const command = commands.find((c) => c.name === name);
  if (!command) {
    process.stderr.write(`atlas: unknown command "${name}"\n${usage()}\n`);
    return 2;
  }
  let vault: Vault | null = null;
  try {
    const args = parseArgs(rest, command);
    const ctx: CommandContext = {
      args,
      json: args.options.json === true,
      async openVault() {
        if (!vault) vault = (await openCliVault(args)).vault;
        return vault;
      },
      print: (text) => process.stdout.write(text.endsWith('\n') ? text : text + '\n'),
      printJson: (value) => process.stdout.write(JSON.stringify(value, null, 2) + '\n'),
    };
    return await command.run(ctx);
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    process.stderr.write(`atlas ${name}: ${msg.split('\n')[0]}\n`);
    if (!(e instanceof CliError) && process.env.ATLAS_DEBUG) process.stderr.write(`${(e as Error).stack}\n`);
    return 1;
  } finally {
    (vault as Vault | null)?.close();
  }
}

// `import.meta.main` (Node 24): true when this file is the entry point, whatever the path spells (spaces, non-ASCII,
// symlinks); comparing `import.meta.url` with a hand-made `file://` URL of argv[1] is false for such paths.
if (import.meta.main) {
  main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
