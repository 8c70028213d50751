/**
 * Temp folders for tests, specs and benches, removed when the process that made them exits.
 *
 *   const work = tempDir('index');   // <os.tmpdir()>/atlas-index-XXXXXX, gone when this process exits
 *
 * node:test runs each test file in its own process, so a folder lives until its file's tests are done (a test may
 * remove its own earlier with `removeTree`). Every name starts with `atlas-`: scripts/run-tests.ts runs the suites with
 * TMPDIR set to a fresh folder and fails the run when `atlas-*` folders are left in it. Removal never throws (a leftover
 * is reported on stderr instead), and unlocks folders a test made unreadable (chmod 000) before giving up on them.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const made = new Set<string>();
let hooked = false;

/** A fresh folder `<os.tmpdir()>/atlas-<name>-XXXXXX`, removed (recursively) when this process exits. */
export function tempDir(name: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `atlas-${name}-`));
  made.add(dir);
  if (!hooked) {
    hooked = true;
    process.on('exit', removeAll);
  }
  return dir;
}

/** Removes `dir` and everything below it now; true when it is gone. Never throws. */
export function removeTree(dir: string): boolean {
  made.delete(dir);
  if (tryRemove(dir)) return true;
  // Not root: a folder without read or search permission (a test's chmod 000) cannot be emptied; unlock and retry.
  unlock(dir);
  if (tryRemove(dir)) return true;
  process.stderr.write(`tempDir: could not remove ${dir}\n`);
  return false;
}

function removeAll(): void {
  for (const dir of [...made]) removeTree(dir);
}

function tryRemove(dir: string): boolean {
  try {
    fs.rmSync(dir, { recursive: true, force: true, maxRetries: 3 });
  } catch {
    // reported by the caller when the retry fails too
  }
  return !fs.existsSync(dir);
}

function unlock(dir: string): void {
  try {
    fs.chmodSync(dir, 0o700);
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      if (e.isDirectory()) unlock(path.join(dir, e.name));
    }
  } catch {
    // best effort: removeTree reports what is left
  }
}
