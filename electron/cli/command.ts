/**
 * The shape of one `atlas` CLI command. Each command lives in electron/cli/commands/<name>.ts and is listed in
 * electron/cli/commands/index.ts; electron/cli/atlas.ts parses argv and dispatches.
 */
import type { ParseArgsOptionsConfig } from 'node:util';
import type { Vault } from '../core/vault.ts';

/** The options a command takes beyond --json, --db and --help, in `util.parseArgs` form. */
export type CommandOptions = ParseArgsOptionsConfig;

export interface ParsedArgs {
  /** Positional arguments after the command name (vault first). */
  positional: string[];
  /** `--name value` (string) and `--flag` (true) options, as declared by the command; absent ones are missing. */
  options: Record<string, string | true>;
}

export interface CommandContext {
  args: ParsedArgs;
  json: boolean;
  /** Opens and syncs (warm start) the vault named by the first positional argument, honouring --db. */
  openVault(): Promise<Vault>;
  /** Writes to stdout. With --json a command prints exactly one JSON value via `printJson`. */
  print(text: string): void;
  printJson(value: unknown): void;
}

export interface Command {
  name: string;
  /** One line, e.g. `plan <vault> <target> [--known a,b] [--json]`. */
  usage: string;
  /** Options beyond --json, --db and --help (`{}` for none); any other option is a usage error. */
  options: CommandOptions;
  /** Returns the process exit code. Throw `CliError` for a one-line message and exit 1. */
  run(ctx: CommandContext): Promise<number>;
}

/** An error whose message is printed as one line on stderr, exit code 1. */
export class CliError extends Error {}
