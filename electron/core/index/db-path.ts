/** Where the index database of a vault lives: outside the vault, in the per-user cache folder of the platform. */
import { createHash } from 'node:crypto';
import path from 'node:path';
import envPaths from 'env-paths';

/** The app's name in per-user folders. */
export const APP_DIR_NAME = 'concept-atlas';

/**
 * The per-user cache folder of Concept Atlas (`env-paths`): `$XDG_CACHE_HOME/concept-atlas` (default
 * `~/.cache/concept-atlas`) on Linux, `~/Library/Caches/concept-atlas` on macOS, `%LOCALAPPDATA%\concept-atlas\Cache`
 * on Windows.
 */
export function cacheDir(): string {
  return envPaths(APP_DIR_NAME, { suffix: '' }).cache;
}

/**
 * `cacheDir()` + sha256 hex of the vault's absolute path + `.db`. The markdown stays the source of truth: the file can
 * be deleted at any time and is rebuilt.
 */
export function defaultDbPath(vaultRoot: string): string {
  const hash = createHash('sha256').update(path.resolve(vaultRoot)).digest('hex');
  return path.join(cacheDir(), `${hash}.db`);
}
