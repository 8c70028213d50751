/** Test helpers: a fresh copy of a fixture vault in a temp folder and a service over it (real index, real SQLite). */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createAtlasService, type AtlasService } from '../../electron/services/atlas-service.ts';
import { removeTree, tempDir } from '../support/temp-dir.ts';

export const FIXTURE = fileURLToPath(new URL('../fixtures/services-vault/', import.meta.url));

export interface TempVault {
  root: string;
  tmp: string;
  dbPath: string;
  cleanup(): void;
}

export function tempVault(fixture = FIXTURE): TempVault {
  const tmp = tempDir('svc');
  const root = path.join(tmp, 'vault');
  fs.cpSync(fixture, root, { recursive: true });
  return {
    root,
    tmp,
    dbPath: path.join(tmp, 'index.db'),
    cleanup: () => removeTree(tmp),
  };
}

/** A synced service on a fresh copy of the fixture; `watch` defaults to false. */
export async function openService(
  opts: { watch?: boolean } = {},
): Promise<{ vault: TempVault; service: AtlasService; close(): Promise<void> }> {
  const vault = tempVault();
  const service = await createAtlasService({
    vaultRoot: vault.root,
    dbPath: vault.dbPath,
    watch: opts.watch ?? false,
    workers: 0,
  });
  await service.ready;
  return {
    vault,
    service,
    close: async () => {
      await service.close();
      vault.cleanup();
    },
  };
}

export function read(vault: TempVault, rel: string): string {
  return fs.readFileSync(path.join(vault.root, rel), 'utf8');
}

/** Every file below `dir` whose name looks like an atomic-write temp file. */
export function tempFiles(dir: string): string[] {
  return (fs.readdirSync(dir, { recursive: true }) as string[]).filter((f) => /\.tmp-[0-9a-f]+$/.test(f));
}
