import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { AtlasIndex } from '../core/index/atlas-index.ts';
import type { GraphIndex, SyncSummary } from '../core/index/graph-index.ts';
import { CliError, type ParsedArgs } from './command.ts';

/**
 * Opens the index of the vault named by the first positional argument (honouring `--db`) and brings it up to date
 * (cold index or warm start). Throws CliError when the vault does not exist or is not a folder.
 */
export async function openVaultIndex(args: ParsedArgs): Promise<{ index: GraphIndex; summary: SyncSummary }> {
  const vault = args.positional[0];
  if (!vault) throw new CliError('missing <vault> argument');
  const root = resolve(vault);
  let isDir = false;
  try { isDir = statSync(root).isDirectory(); } catch { throw new CliError(`vault not found: ${vault}`); }
  if (!isDir) throw new CliError(`vault is not a folder: ${vault}`);
  const db = typeof args.options.db === 'string' ? resolve(args.options.db) : undefined;
  const index = await AtlasIndex.open({ vaultRoot: root, dbPath: db });
  try {
    return { index, summary: await index.sync() };
  } catch (e) {
    index.close();
    throw e;
  }
}

/** Resolves a note argument (a vault path or a name resolved like a link); throws CliError when nothing matches. */
export function noteArg(index: GraphIndex, arg: string | undefined, what = '<note>'): string {
  if (!arg) throw new CliError(`missing ${what} argument`);
  const path = index.resolveNote(arg);
  if (!path) throw new CliError(`no note matches "${arg}"`);
  return path;
}
