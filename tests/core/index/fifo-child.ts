/**
 * Child process of fifo.test.ts (a blocking read would hang the test runner itself): indexes the vault in argv[2]
 * with a file system whose first stat (or lstat) of `swapped.md` replaces that file by a FIFO (a swap between the scan and the
 * read), then reads `pipe.md` (a FIFO from the start) through the service's readNote. Prints one JSON line.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { AtlasIndex } from '../../../electron/core/index/atlas-index.ts';
import { nodeVaultFs, type VaultFs } from '../../../electron/core/index/vault-fs.ts';
import { VaultQuery } from '../../../electron/core/query/vault-query.ts';
import { createAtlasService } from '../../../electron/services/atlas-service.ts';

const [root, db, db2] = process.argv.slice(2);
let swapped = false;
/** `stat` or `lstat` (the scan uses either), swapping `swapped.md` for a FIFO right after the first one of it. */
const swapAfter =
  (fn: VaultFs['stat']): VaultFs['stat'] =>
  (p) => {
    const st = fn(p);
    if (!swapped && path.basename(p) === 'swapped.md') {
      swapped = true;
      fs.rmSync(p);
      execFileSync('mkfifo', [p]);
    }
    return st;
  };
const swapping: VaultFs = { ...nodeVaultFs, stat: swapAfter(nodeVaultFs.stat), lstat: swapAfter(nodeVaultFs.lstat) };
const index = await AtlasIndex.open({ vaultRoot: root, dbPath: db, workers: 0, fs: swapping });
await index.sync();
const q = new VaultQuery(index);
const problems = q.indexReport().problems.filter((p) => p.path === 'swapped.md');
const good = q.noteInfo('good.md')?.title ?? null;
index.close();

const service = await createAtlasService({ vaultRoot: root, dbPath: db2, watch: false, workers: 0 });
await service.ready;
let readError: string | null = null;
try {
  await service.api.readNote('pipe.md');
} catch (e) {
  readError = (e as { code?: string }).code ?? String(e);
}
let writeError: string | null = null;
try {
  await service.api.writeNote('pipe.md', 'x', '0'.repeat(64));
} catch (e) {
  writeError = (e as { code?: string }).code ?? String(e);
}
await service.close();
console.log(JSON.stringify({ swapped, problems, good, readError, writeError }));
