/**
 * The `atlas` command line: `npm run -s atlas -- <command> <vault> …` (foundation and learning issues).
 *
 * Exit codes: 0 success (also when `check` finds problems), 1 a one-line error on stderr (missing vault, unknown note,
 * bad option), 2 usage error. With `--json` a command prints exactly one JSON value on stdout; progress and
 * information lines go to stderr.
 */
import { commands } from './commands/index.ts';
import { CliError, type CommandContext, type ParsedArgs } from './command.ts';
import { openCliVault } from './open-index.ts';
import type { Vault } from '../core/vault.ts';

/** Options that take no value; every other `--name` takes the next argument as its value. */
const FLAGS = new Set(['json', 'unlearn', 'learning', 'help']);

/** Splits argv into positional arguments and options. Throws CliError for an option that lacks its value. */
export function parseArgs(argv: string[]): ParsedArgs {
  const positional: string[] = [];
  const options: Record<string, string | true> = {};
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--') { positional.push(...argv.slice(i + 1)); break; }
    if (a.startsWith('--') && a.length > 2) {
      const eq = a.indexOf('=');
      const name = eq > 0 ? a.slice(2, eq) : a.slice(2);
      if (eq > 0) options[name] = a.slice(eq + 1);
      else if (FLAGS.has(name)) options[name] = true;
      else {
        const v = argv[i + 1];
        if (v === undefined || v.startsWith('--')) throw new CliError(`option --${name} needs a value`);
        options[name] = v;
        i++;
      }
    } else positional.push(a);
  }
  return { positional, options };
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
    const args = parseArgs(rest);
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

if (import.meta.url === `file://${process.argv[1]}`) {
  main(process.argv.slice(2)).then((code) => { process.exitCode = code; });
}
