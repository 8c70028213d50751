/**
 * The in-memory name table of a vault: every file's path suffixes and every note's aliases, so that a link
 * resolves with a few Map lookups instead of a scan.
 *
 * Resolution order (Obsidian 1.13, observed), after `targetKey` normalisation:
 *  1. an exact vault path wins (`[[Note]]` is `Note.md` at the root, even over a `Note.md` beside the source);
 *  2. otherwise the file in the source note's own folder (its ancestors count for nothing);
 *  3. otherwise the shortest path among files whose name or path suffix matches; equal lengths break
 *     alphabetically, and more than one candidate is reported as ambiguous;
 *  4. beyond Obsidian: a note whose alias matches (`[[通道]]` → `channel.md` with alias 通道). An alias shared by two or
 *     more notes resolves to none of them (unresolved, with the holders as `candidates`: reported as ambiguous).
 *     `aliasResolution = false` turns rule 4 off, for vaults that must behave exactly as Obsidian.
 * Markdown links (`[t](../x/y.md)`) and targets starting with `./`, `../` or `/` are first tried relative to the
 * source's folder (or the root for `/`), then as above.
 * Names that differ only in case or Unicode normal form share one key (a case-sensitive disk can hold `Note.md` and
 * `note.md`; Linux can hold `café.md` in NFC and NFD): the shortest path wins, then code-point order — for Unicode
 * twins that is the NFC-spelled one (electron/core/files/unicode-names.ts; the scan reports each twin).
 */
import type { ResolvedBy } from '../model.ts';
import { dirOf, joinRelative, lastSegment, pathKey, targetKey } from './keys.ts';

export interface Resolution {
  /** Resolved vault path, or null when unresolved. */
  path: string | null;
  by: ResolvedBy | null;
  /**
   * All candidates (sorted shortest first) when rule 3 or 4 had more than one; else null. For rule 4 `path` is then
   * null (an ambiguous alias names no note).
   */
  candidates: string[] | null;
}

export const UNRESOLVED: Resolution = Object.freeze({ path: null, by: null, candidates: null }) as Resolution;

/** Files without an extension (`LICENSE`, `Makefile`): Obsidian does not even list them. */
function extensionless(path: string): number {
  const dot = path.lastIndexOf('.');
  return dot > path.lastIndexOf('/') + 1 && dot < path.length - 1 ? 0 : 1;
}

/**
 * Shortest first, then alphabetical (code-point order), as Obsidian breaks ties; files without an extension last,
 * so `[[License]]` names `License.md`, not a `LICENSE` file beside it (the only way a note and an attachment share
 * a key).
 */
function comparePaths(a: string, b: string): number {
  return extensionless(a) - extensionless(b) || a.length - b.length || (a < b ? -1 : a > b ? 1 : 0);
}

function insertSorted(list: string[], path: string): void {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (comparePaths(list[mid], path) < 0) lo = mid + 1;
    else hi = mid;
  }
  if (list[lo] !== path) list.splice(lo, 0, path);
}

function removeFrom(map: Map<string, string[]>, key: string, path: string): void {
  const list = map.get(key);
  if (!list) return;
  const i = list.indexOf(path);
  if (i >= 0) list.splice(i, 1);
  if (list.length === 0) map.delete(key);
}

function suffixesOf(key: string): string[] {
  const out: string[] = [];
  let i = key.length;
  for (;;) {
    const j = key.lastIndexOf('/', i - 1);
    out.push(key.slice(j + 1));
    if (j < 0) break;
    i = j;
  }
  return out;
}

export class NameTable {
  /** Rule 4, the alias fallback (on by default). Links must be re-resolved after a change (Indexer.setAliasResolution). */
  aliasResolution = true;
  /** Path-suffix key (`note`, `b/note`, `a/b/note`) → paths, shortest first. */
  private readonly bySuffix = new Map<string, string[]>();
  /** Alias key → note paths, shortest first. */
  private readonly byAlias = new Map<string, string[]>();
  /** Note path → its alias keys. */
  private readonly aliasKeys = new Map<string, string[]>();
  private readonly keyOf = new Map<string, string>();
  /** Full path key → paths (more than one only for case variants on a case-sensitive disk). */
  private readonly byKey = new Map<string, string[]>();

  get size(): number {
    return this.keyOf.size;
  }

  has(path: string): boolean {
    return this.keyOf.has(path);
  }

  /** Adds a note or attachment path. Returns the link name (last key segment) whose links may now resolve differently. */
  addFile(path: string): string {
    const key = pathKey(path);
    if (this.keyOf.has(path)) return lastSegment(key);
    this.keyOf.set(path, key);
    let same = this.byKey.get(key);
    if (!same) {
      same = [];
      this.byKey.set(key, same);
    }
    insertSorted(same, path);
    for (const s of suffixesOf(key)) {
      let list = this.bySuffix.get(s);
      if (!list) {
        list = [];
        this.bySuffix.set(s, list);
      }
      insertSorted(list, path);
    }
    return lastSegment(key);
  }

  /** Removes a path and its aliases. Returns the link names whose links may now resolve differently. */
  removeFile(path: string): string[] {
    const key = this.keyOf.get(path);
    if (key === undefined) return [];
    this.keyOf.delete(path);
    removeFrom(this.byKey, key, path);
    for (const s of suffixesOf(key)) removeFrom(this.bySuffix, s, path);
    return [lastSegment(key), ...this.setAliases(path, [])];
  }

  /** Replaces a note's aliases. Returns the link names (alias keys' last segments) that changed. */
  setAliases(path: string, aliases: readonly string[]): string[] {
    const old = this.aliasKeys.get(path) ?? [];
    const next = [...new Set(aliases.map(targetKey).filter((k) => k !== ''))];
    const changed: string[] = [];
    for (const k of old)
      if (!next.includes(k)) {
        removeFrom(this.byAlias, k, path);
        changed.push(lastSegment(k));
      }
    for (const k of next) {
      if (old.includes(k)) continue;
      let list = this.byAlias.get(k);
      if (!list) {
        list = [];
        this.byAlias.set(k, list);
      }
      insertSorted(list, path);
      changed.push(lastSegment(k));
    }
    if (next.length) this.aliasKeys.set(path, next);
    else this.aliasKeys.delete(path);
    return changed;
  }

  /** The exact vault path whose key is `key`, if any. */
  private exact(key: string): string | undefined {
    return this.byKey.get(key)?.[0];
  }

  /**
   * Resolves a link target written in `sourcePath`. `target` is the target part only (no `#heading`, no `|alias`);
   * '' means the source note itself (`[[#Heading]]`). `relativeFirst` is set for markdown links.
   */
  resolve(sourcePath: string, target: string, relativeFirst = false): Resolution {
    let key = targetKey(target);
    if (key === '') return { path: sourcePath, by: 'path', candidates: null };
    const dir = pathKey(dirOf(sourcePath));
    const explicitRelative = /^(\.\.?\/|\/)/.test(key);
    if (relativeFirst || explicitRelative) {
      const joined = joinRelative(dir, key);
      if (joined) {
        const hit = this.exact(joined);
        if (hit) return { path: hit, by: key.startsWith('/') || dir === '' ? 'path' : 'folder', candidates: null };
      }
      if (explicitRelative) key = key.replace(/^(?:\.\.?\/|\/)+/, '').replace(/^(?:\.\.?\/)+/, '');
      if (key === '') return UNRESOLVED;
    }
    const exact = this.exact(key);
    if (exact) return { path: exact, by: 'path', candidates: null };
    if (dir !== '') {
      const local = this.exact(`${dir}/${key}`);
      if (local) return { path: local, by: 'folder', candidates: null };
    }
    const list = this.bySuffix.get(key);
    if (list && list.length) return { path: list[0], by: 'shortest', candidates: list.length > 1 ? [...list] : null };
    if (!this.aliasResolution) return UNRESOLVED;
    const aliased = this.byAlias.get(key);
    if (aliased && aliased.length === 1) return { path: aliased[0], by: 'alias', candidates: null };
    if (aliased && aliased.length > 1) return { path: null, by: null, candidates: [...aliased] };
    return UNRESOLVED;
  }

  /** The link names (last key segments) of every alias, for re-resolving the links rule 4 may change. */
  aliasNames(): string[] {
    return [...new Set([...this.byAlias.keys()].map(lastSegment))];
  }
}
