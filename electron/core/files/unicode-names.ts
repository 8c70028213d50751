/**
 * File names that differ only in Unicode normal form ("twins": `café.md` written with a precomposed `é` (NFC) and
 * with `e` + U+0301 (NFD) are one file on macOS and Windows but two files on Linux, and a vault synced from Linux
 * can carry both). The index names files by their NFC form, so without a rule one twin would silently replace the
 * other. The rule, used by the indexer's scan (electron/core/index/scan.ts) and by the services' path resolution
 * (electron/services/vault-paths.ts), so the two always agree:
 *
 * - A name with no twin in its folder is known by its NFC form (whatever its spelling on disk).
 * - Among twins, the one spelled NFC on disk is known by the NFC name; if none is, the first in code-unit order of
 *   the on-disk spelling is. Every other twin is known by its own on-disk spelling. So both are indexed, listed and
 *   openable, and nothing is hidden or overwritten; each is reported as a `unicode-twin` problem.
 * - Links and searches compare names after NFC (electron/core/resolve/keys.ts), so a name typed in NFD finds the NFC
 *   title, and a link naming twins resolves to the one known by the NFC name: it has the shortest path (NFC is never
 *   longer than the other forms), rule 3's tie-break.
 */
import fs from 'node:fs';
import path from 'node:path';

/** True when `name` cannot have a Unicode twin (pure ASCII: every normal form is the same string). */
export function twinFree(name: string): boolean {
  for (let i = 0; i < name.length; i++) if (name.charCodeAt(i) > 0x7f) return false;
  return true;
}

/**
 * The name each on-disk name of one folder is known by in the index (see the module comment): disk name → index
 * name. Names without a twin map to their NFC form.
 */
export function indexNames(diskNames: readonly string[]): Map<string, string> {
  const groups = new Map<string, string[]>();
  const out = new Map<string, string>();
  for (const name of diskNames) {
    if (twinFree(name)) {
      out.set(name, name);
      continue;
    }
    const nfc = name.normalize('NFC');
    const g = groups.get(nfc);
    if (g) g.push(name);
    else groups.set(nfc, [name]);
  }
  for (const [nfc, names] of groups) {
    const owner = names.includes(nfc) ? nfc : [...names].sort()[0];
    for (const n of names) out.set(n, n === owner ? nfc : n);
  }
  return out;
}

/**
 * The twins of every name of one folder that has any (same NFC form, other spelling), sorted: disk name → its
 * twins. Names without a twin are absent. Linear in the folder (one NFC form per non-ASCII name), so a folder of
 * thousands of non-ASCII names costs no more than listing it.
 */
export function folderTwins(diskNames: readonly string[]): Map<string, string[]> {
  const groups = new Map<string, string[]>();
  for (const name of diskNames) {
    if (twinFree(name)) continue;
    const nfc = name.normalize('NFC');
    const g = groups.get(nfc);
    if (g) g.push(name);
    else groups.set(nfc, [name]);
  }
  const out = new Map<string, string[]>();
  for (const names of groups.values()) {
    if (names.length < 2) continue;
    for (const n of names) out.set(n, names.filter((m) => m !== n).sort());
  }
  return out;
}

/** `NFC`, `NFD` or `mixed`: how a name is spelled, for messages. */
export function normalForm(name: string): 'NFC' | 'NFD' | 'mixed' {
  if (name === name.normalize('NFC')) return 'NFC';
  return name === name.normalize('NFD') ? 'NFD' : 'mixed';
}

/**
 * The on-disk spelling of the vault-relative index path `rel` (`/` separators) under `root`, or null when nothing
 * is there. Segments that exist as spelled are kept; one that does not is looked up among its folder's entries by
 * the index rule (e.g. the NFC path of a note stored NFD on a Linux disk). Reads only the folders it must.
 */
export function diskSpelling(root: string, rel: string): string | null {
  if (rel === '') return '';
  const out: string[] = [];
  for (const seg of rel.split('/')) {
    const here = path.join(root, ...out, seg);
    if (fs.existsSync(here) || isSymlink(here)) {
      out.push(seg);
      continue;
    }
    if (twinFree(seg)) return null;
    let names: string[];
    try {
      names = fs.readdirSync(path.join(root, ...out));
    } catch {
      return null;
    }
    const map = indexNames(names);
    const hit = names.find((n) => map.get(n) === seg);
    if (hit === undefined) return null;
    out.push(hit);
  }
  return out.join('/');
}

function isSymlink(p: string): boolean {
  try {
    return fs.lstatSync(p).isSymbolicLink();
  } catch {
    return false;
  }
}
