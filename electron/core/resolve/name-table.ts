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
 * `note.md`; Linux can hold `café.md` in NFC and NFD). Among case twins the one spelled exactly as the link wins
 * (Obsidian looks the exact path up before the case-insensitive one), else the shortest path, then code-point order;
 * the twins are the link's `candidates`, so health lists it as ambiguous. Unicode twins are known by distinct index
 * paths, and the NFC-spelled one wins (electron/core/files/unicode-names.ts; the scan reports each twin).
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

/** A path or link target as written, without a trailing `.md` (any case): `a/Note.md` → `a/Note`. */
function spelledAs(path: string): string {
  return /\.md$/i.test(path) ? path.slice(0, -3) : path;
}

/** True when `path` is `suffix` or ends with `/suffix`. */
function endsWithSegments(path: string, suffix: string): boolean {
  return path === suffix || (path.endsWith(suffix) && path[path.length - suffix.length - 1] === '/');
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

  /**
   * The vault path whose key is `key`, if any, and its case twins (`Note.md` and `note.md` on a case-sensitive disk)
   * when it has some. Among twins the one spelled exactly as `spelled` (a path without `.md`, case kept) wins, as
   * Obsidian tries the exact path before the case-insensitive one; otherwise the first in {@link comparePaths} order.
   */
  private exact(key: string, spelled: string): { path: string; twins: string[] | null } | undefined {
    const list = this.byKey.get(key);
    if (!list || list.length === 0) return undefined;
    // a file without an extension is never a twin of a note (Obsidian does not list it): it only wins alone
    const named = list.length === 1 ? list : list.filter((p) => extensionless(p) === 0);
    if (named.length <= 1) return { path: list[0], twins: null };
    const same = named.find((p) => spelledAs(p) === spelled);
    return { path: same ?? named[0], twins: named };
  }

  /**
   * Resolves a link target written in `sourcePath`. `target` is the target part only (no `#heading`, no `|alias`);
   * '' means the source note itself (`[[#Heading]]`). `relativeFirst` is set for markdown links.
   */
  resolve(sourcePath: string, target: string, relativeFirst = false): Resolution {
    let key = targetKey(target);
    if (key === '') return { path: sourcePath, by: 'path', candidates: null };
    let spelled = spelledAs(target.trim().normalize('NFC').replace(/\\/g, '/'));
    const folder = dirOf(sourcePath);
    const dir = pathKey(folder);
    const explicitRelative = /^(\.\.?\/|\/)/.test(key);
    if (relativeFirst || explicitRelative) {
      const joined = joinRelative(dir, key);
      if (joined) {
        const hit = this.exact(joined, joinRelative(folder, spelled) ?? '');
        if (hit)
          return { path: hit.path, by: key.startsWith('/') || dir === '' ? 'path' : 'folder', candidates: hit.twins };
      }
      if (explicitRelative) {
        key = key.replace(/^(?:\.\.?\/|\/)+/, '').replace(/^(?:\.\.?\/)+/, '');
        spelled = spelled.replace(/^(?:\.\.?\/|\/)+/, '').replace(/^(?:\.\.?\/)+/, '');
      }
      if (key === '') return UNRESOLVED;
    }
    const exact = this.exact(key, spelled);
    if (exact) return { path: exact.path, by: 'path', candidates: exact.twins };
    if (dir !== '') {
      const local = this.exact(`${dir}/${key}`, `${folder}/${spelled}`);
      if (local) return { path: local.path, by: 'folder', candidates: local.twins };
    }
    const list = this.bySuffix.get(key);
    if (list && list.length) {
      // case twins of the first candidate (same path but for case): the one spelled as written wins
      const first = this.keyOf.get(list[0]);
      const same =
        list.length > 1
          ? list.find(
              (p) => this.keyOf.get(p) === first && extensionless(p) === 0 && endsWithSegments(spelledAs(p), spelled),
            )
          : undefined;
      return { path: same ?? list[0], by: 'shortest', candidates: list.length > 1 ? [...list] : null };
    }
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
