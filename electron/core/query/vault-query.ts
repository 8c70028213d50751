/**
 * `VaultQuery`: the read side of the vault index, a facade over the queries of electron/core/query. It reads the
 * store and name table of an index engine (`IndexedVault`, implemented by `AtlasIndex` in electron/core/index) and
 * never changes them; the engine (sync, update, watch, rebuild) knows nothing of the queries.
 *
 * Paths are vault-relative with `/`; lines are 1-based. Methods answer from whatever is indexed at the time of the
 * call; `version` tells callers when to drop cached answers.
 */
import path from 'node:path';
import type {
  BacklinkInfo,
  FileEntry,
  GraphData,
  GraphFilter,
  GraphUpdate,
  LocalGraphOptions,
  IndexReport,
  LinkRecord,
  MentionInfo,
  NoteInfo,
  NoteRecord,
  OutgoingLinkInfo,
  SearchHit,
  SearchResults,
  TagInfo,
  VaultExport,
  VaultInfo,
} from '../model.ts';
import { splitWiki, wikiInner } from '../markdown/index.ts';
import type { CardFact } from '../markdown/cards.ts';
import type { NameTable } from '../resolve/name-table.ts';
import type { GraphStore } from '../store/graph-store.ts';
import { exportVault } from './export.ts';
import { graph, neighbourhood } from './graph.ts';
import { type ChangedPaths, graphUpdate } from './graph-delta.ts';
import { outgoingLinkInfo } from './link-info.ts';
import { indexReport } from './index-report.ts';
import { mentions, mentionTerms } from './mentions.ts';
import { search } from './search.ts';
import { searchAll } from './search-all.ts';
import { tagTree } from './tags.ts';

/** What the queries read from an index engine. Getters: the engine replaces its store when it rebuilds. */
export interface IndexedVault {
  /** Absolute path of the vault folder. */
  readonly vaultRoot: string;
  /** Increases by one after every change to the index (sync, update, rebuild); caches key on it. */
  readonly version: number;
  readonly graphStore: GraphStore;
  /** The in-memory name table links resolve against. */
  readonly names: NameTable;
  /** Paths changed after index version `version` up to `version`'s current value, or null when not known. */
  changesSince(version: number): ChangedPaths | null;
}

export class VaultQuery {
  readonly #source: IndexedVault;

  constructor(source: IndexedVault) {
    this.#source = source;
  }

  get vaultRoot(): string {
    return this.#source.vaultRoot;
  }

  /** The index version the answers come from (see `IndexedVault.version`). */
  get version(): number {
    return this.#source.version;
  }

  get #store(): GraphStore {
    return this.#source.graphStore;
  }

  vaultInfo(): VaultInfo {
    const c = this.#store.counts();
    const root = this.#source.vaultRoot;
    return { root, name: path.basename(root), noteCount: c.notes, fileCount: c.files };
  }

  listFiles(): FileEntry[] {
    return [...this.#store.fileStats().values()]
      .map(
        (f): FileEntry =>
          f.mtimeMs == null ? { path: f.path, kind: f.kind } : { path: f.path, kind: f.kind, mtimeMs: f.mtimeMs },
      )
      .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  }

  /** A vault path, or a name resolved like a wiki link from the vault root; null when nothing matches. */
  resolveNote(arg: string): string | null {
    const p = arg
      .normalize('NFC')
      .trim()
      .replace(/\\/g, '/')
      .replace(/^\.?\/+/, '');
    if (!p) return null;
    for (const candidate of [p, `${p}.md`]) if (this.#source.names.has(candidate)) return candidate;
    return this.resolveLink('', p);
  }

  /** Resolves `target` as a wiki link written in `fromPath` (Obsidian's rules + alias fallback); null when unresolved. */
  resolveLink(fromPath: string, target: string): string | null {
    // the grammar's splitter: `[[a\|b]]` (table escape), `a#B#C`, `a#^id`, with or without the brackets
    const parts = splitWiki(wikiInner(target));
    if (!parts) return null;
    if (parts.target === '') return fromPath || null;
    return this.#source.names.resolve(fromPath.normalize('NFC'), parts.target).path;
  }

  noteInfo(p: string): NoteInfo | null {
    const n = this.#store.note(p);
    if (!n) return null;
    return {
      path: n.path,
      title: n.title,
      aliases: n.aliases,
      tags: n.tags,
      headings: n.headings,
      blocks: n.blocks,
      properties: n.properties,
    };
  }

  backlinks(p: string): BacklinkInfo[] {
    return this.#store.backlinks(p);
  }

  outgoing(p: string): OutgoingLinkInfo[] {
    return this.#store.outgoing(p).map(outgoingLinkInfo);
  }

  mentions(p: string): MentionInfo[] {
    return mentions(this.#store, p);
  }

  /** The terms deciding unlinked mentions of `p` (own title/aliases + longer contesting ones); null if no such note. */
  mentionTerms(p: string): ReturnType<typeof mentionTerms> {
    return mentionTerms(this.#store, p);
  }

  tags(): TagInfo[] {
    return tagTree(this.#store);
  }

  search(query: string, limit = 50): SearchHit[] {
    return search(this.#store, query, limit);
  }

  /** The search pane's search: every matching note with match lines (search-all.ts). */
  searchAll(query: string): SearchResults {
    return searchAll(this.#store, query);
  }

  graph(filter?: GraphFilter): GraphData {
    return graph(this.#store, filter);
  }

  /**
   * The graph of `filter` as a change since index version `since` (graph-delta.ts), or whole when that change is not
   * known or too large; `since` null asks for the whole graph. The answer carries the version it is of.
   */
  graphUpdate(since: number | null, filter?: GraphFilter): GraphUpdate {
    const version = this.#source.version;
    const changes = since === null ? null : this.#source.changesSince(since);
    const key = `${version}\u0000${JSON.stringify(filter ?? {})}`;
    if (since === null && this.#lastFullGraph?.key === key) return this.#lastFullGraph.answer;
    const answer = graphUpdate(this.#store, since ?? version, version, changes, filter);
    // every window that opens (or reloads) at this version asks for the same whole graph: 0.4-0.7 s at 10k notes
    if (answer.kind === 'full') this.#lastFullGraph = { key, answer };
    return answer;
  }

  /**
   * The last whole-graph answer, by index version and filter. Shared between callers: treat answers as read-only
   * (they cross a structured clone to the renderer anyway).
   */
  #lastFullGraph: { key: string; answer: GraphUpdate } | null = null;

  neighbourhood(p: string, depth: number, options?: LocalGraphOptions): GraphData {
    return neighbourhood(this.#store, p, depth, options);
  }

  /** The index's part of `check` (the whole report is `check()` in electron/core/check.ts). */
  indexReport(): IndexReport {
    return indexReport(this.#store);
  }

  export(): VaultExport {
    return exportVault(this.#store);
  }

  /** Every note, for the learning engine. */
  notes(): NoteRecord[] {
    return this.#store.allNotes().map((n) => ({
      path: n.path,
      title: n.title,
      aliases: n.aliases,
      tags: n.tags,
      properties: n.properties,
      words: n.words,
      cjkChars: n.cjkChars,
    }));
  }

  /** Every link, resolved; optionally only those with a given relation (e.g. `prerequisites`). */
  links(relation?: string): LinkRecord[] {
    return this.#store.links(relation === undefined ? {} : { relation }).map((l) => ({
      source: l.source,
      raw: l.raw,
      kind: l.kind,
      target: l.target,
      targetText: l.targetText,
      heading: l.heading,
      block: l.block,
      alias: l.alias,
      line: l.line,
      context: l.context,
      relation: l.relation,
      resolvedBy: l.resolvedBy,
    }));
  }

  // ---------- flashcards (practice, #15) ----------

  /** Every flashcard of the vault (electron/core/store/card-store.ts), by note path then line. */
  cards(): CardFact[] {
    return this.#store.cards.all();
  }
}
