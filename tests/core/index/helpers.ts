/** Shared helpers of the index tests: temp copies of fixture vaults and opened indexes. */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { AtlasIndex, type AtlasIndexOptions } from '../../../electron/core/index/atlas-index.ts';
import { VaultQuery } from '../../../electron/core/query/vault-query.ts';
import { tempDir } from '../../support/temp-dir.ts';

const fixtures = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../fixtures');

/** A temp folder holding `vault/` (a copy of the fixture, or empty) and room for the database; removed at exit. */
export function tempVault(fixture?: string): { root: string; db: string; work: string } {
  const work = tempDir('index');
  const root = path.join(work, 'vault');
  if (fixture) fs.cpSync(path.join(fixtures, fixture), root, { recursive: true });
  else fs.mkdirSync(root);
  return { root, db: path.join(work, 'index.db'), work };
}

export async function openIndex(root: string, db: string, extra: Partial<AtlasIndexOptions> = {}): Promise<AtlasIndex> {
  return AtlasIndex.open({ vaultRoot: root, dbPath: db, workers: 0, ...extra });
}

/** Writes a file in the vault (creating folders) and moves its mtime forward so a warm start sees it. */
export function writeVault(root: string, rel: string, content: string | Uint8Array): void {
  const file = path.join(root, rel);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, content);
  const t = new Date(Date.now() + 5000);
  fs.utimesSync(file, t, t);
}

/** Polls `fn` until it returns true or `ms` pass. */
export async function waitFor(fn: () => boolean, ms = 10000): Promise<boolean> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (fn()) return true;
    await new Promise((r) => setTimeout(r, 50));
  }
  return fn();
}

/** The queries over an opened index (cheap: `VaultQuery` only holds the engine). */
export function queryOf(index: AtlasIndex): VaultQuery {
  return new VaultQuery(index);
}
