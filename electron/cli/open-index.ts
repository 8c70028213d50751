import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import type { SyncSummary } from '../core/index/graph-index.ts';
import type { VaultQuery } from '../core/query/vault-query.ts';
import { openVault, type Vault } from '../core/vault.ts';
import { CliError, type ParsedArgs } from './command.ts';

/**
 * Opens the index of the vault named by the first positional argument (honouring `--db`) and brings it up to date
 * (cold index or warm start). Throws CliError when the vault does not exist or is not a folder.
 */
export async function openCliVault(args: ParsedArgs): Promise<{ vault: Vault; summary: SyncSummary }> {
  const arg = args.positional[0];
  if (!arg) throw new CliError('missing <vault> argument');
  const root = resolve(arg);
  let isDir = false;
  try {
    isDir = statSync(root).isDirectory();
  } catch {
    throw new CliError(`vault not found: ${arg}`);
  }
  if (!isDir) throw new CliError(`vault is not a folder: ${arg}`);
  const db = typeof args.options.db === 'string' ? resolve(args.options.db) : undefined;
  const vault = await openVault({ vaultRoot: root, dbPath: db });
  try {
    return { vault, summary: await vault.index.sync() };
  } catch (e) {
    vault.close();
    throw e;
  }
}

/** Resolves a note argument (a vault path or a name resolved like a link); throws CliError when nothing matches. */
export function noteArg(query: Pick<VaultQuery, 'resolveNote'>, arg: string | undefined, what = '<note>'): string {
  if (!arg) throw new CliError(`missing ${what} argument`);
  const path = query.resolveNote(arg);
  if (!path) throw new CliError(`no note matches "${arg}"`);
  return path;
}
