/** Where the index database of a vault lives: outside the vault, in the per-user cache folder. */
import { createHash } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';

/**
 * `$XDG_CACHE_HOME` (or `~/.cache`) + `/concept-atlas/` + sha256 hex of the vault's absolute path + `.db`.
 * The markdown stays the source of truth: the file can be deleted at any time and is rebuilt.
 */
export function defaultDbPath(vaultRoot: string): string {
  const cache = process.env.XDG_CACHE_HOME && path.isAbsolute(process.env.XDG_CACHE_HOME)
    ? process.env.XDG_CACHE_HOME
    : path.join(os.homedir(), '.cache');
  const hash = createHash('sha256').update(path.resolve(vaultRoot)).digest('hex');
  return path.join(cache, 'concept-atlas', `${hash}.db`);
}
