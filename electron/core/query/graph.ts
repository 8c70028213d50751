/**
 * The vault as a graph: notes (and optionally attachments and unresolved targets) as nodes, links as edges.
 * Unresolved targets are nodes with id `unresolved:<target key>`: the target as written, trimmed, NFC, lower-cased and
 * without a trailing `.md` (the comparison a resolution makes), so `[[Foo]]`, `[[foo]]` and `[[Foo.md]]` are one node,
 * labelled as first written. Several links between the same two nodes with the same kind and relation make one edge.
 */
import type { GraphData, GraphEdge, GraphFilter, GraphNode, LocalGraphOptions } from '../model.ts';
import { parseLevel } from '../properties/readers.ts';
import type { EdgeRow, GraphStore } from '../store/graph-store.ts';
import { targetKey } from '../resolve/keys.ts';

export function noteNode(n: {
  path: string;
  title: string;
  tags: string[];
  aliases: string[];
  properties: Record<string, unknown>;
}): GraphNode {
  return {
    id: n.path,
    label: n.title,
    kind: 'note',
    folder: folderOf(n.path),
    tags: n.tags,
    aliases: n.aliases,
    level: parseLevel(n.properties.level),
  };
}

function fileName(p: string): string {
  return p.slice(p.lastIndexOf('/') + 1);
}

function folderOf(p: string): string {
  const i = p.lastIndexOf('/');
  return i < 0 ? '' : p.slice(0, i);
}

/** Tag nodes (`tag:<tag>`, labelled `#tag`) and note → tag edges for every note in the builder. */
export function addTagNodes(b: GraphBuilder): void {
  for (const n of [...b.nodes.values()]) {
    if (n.kind !== 'note') continue;
    for (const t of n.tags) {
      const id = `tag:${t}`;
      if (!b.nodes.has(id)) b.nodes.set(id, { id, label: `#${t}`, kind: 'tag', tags: [t] });
      b.addRaw({ source: n.id, target: id, kind: 'tag', relation: null });
    }
  }
}

export class GraphBuilder {
  readonly nodes = new Map<string, GraphNode>();
  private readonly edges = new Map<string, GraphEdge>();

  /**
   * Adds the edge of link row `e`, creating its unresolved or attachment target node; a link to a note is kept when
   * `hasNote` says the note is in the graph (default: it is one of the builder's nodes).
   */
  addEdge(
    e: EdgeRow,
    includeAttachments: boolean,
    includeUnresolved: boolean,
    hasNote: (path: string) => boolean = (p) => this.nodes.has(p),
  ): void {
    let target: string;
    if (e.target === null) {
      if (!includeUnresolved) return;
      target = `unresolved:${targetKey(e.targetText)}`;
      if (!this.nodes.has(target))
        this.nodes.set(target, {
          id: target,
          label: e.targetText.trim().replace(/\.md$/i, ''),
          kind: 'unresolved',
          tags: [],
        });
    } else if (e.targetKind === 'attachment') {
      if (!includeAttachments) return;
      target = e.target;
      if (!this.nodes.has(target))
        this.nodes.set(target, {
          id: target,
          label: fileName(target),
          kind: 'attachment',
          folder: folderOf(target),
          tags: [],
        });
    } else {
      if (!hasNote(e.target)) return;
      target = e.target;
    }
    this.addRaw({ source: e.source, target, kind: e.kind, relation: e.relation });
  }

  addRaw(e: GraphEdge): void {
    const key = `${e.source}\u0000${e.target}\u0000${e.kind}\u0000${e.relation ?? ''}`;
    if (!this.edges.has(key)) this.edges.set(key, e);
  }

  /** Drops edges that `keep` refuses. */
  filterEdges(keep: (e: GraphEdge) => boolean): void {
    for (const [k, e] of this.edges) if (!keep(e)) this.edges.delete(k);
  }

  data(): GraphData {
    return { nodes: [...this.nodes.values()], edges: [...this.edges.values()] };
  }
}

/** The whole vault's graph, narrowed by `filter` (tag, folder); unresolved targets included unless turned off. */
export function graph(store: GraphStore, filter: GraphFilter = {}): GraphData {
  const includeAttachments = filter.includeAttachments ?? false;
  const includeUnresolved = filter.includeUnresolved ?? true;
  let notes = store.graphNotes();
  if (filter.tag) {
    const tagged = new Set(store.notesWithTag(filter.tag));
    notes = notes.filter((n) => tagged.has(n.path));
  }
  if (filter.folder) {
    const folder = filter.folder.normalize('NFC').replace(/^\/+|\/+$/g, '');
    if (folder) notes = notes.filter((n) => n.path.startsWith(folder + '/'));
  }
  const b = new GraphBuilder();
  for (const n of notes) b.nodes.set(n.path, noteNode(n));
  for (const e of store.edgeRows())
    if (b.nodes.get(e.source)?.kind === 'note') b.addEdge(e, includeAttachments, includeUnresolved);
  if (filter.includeTags) addTagNodes(b);
  return b.data();
}

/**
 * The local graph of a note (Obsidian's local graph): notes within `depth` links of it (0–10), following backlinks
 * (`incoming`) and outgoing links (`outgoing`), the unresolved targets linked from notes closer than `depth`, and the
 * links among them: with `neighbourLinks` off only the links along which a note was reached (from a nearer note to a
 * farther one). Every option defaults to true. Empty when the note is unknown. Reads only the notes within reach.
 */
export function neighbourhood(
  store: GraphStore,
  path: string,
  depth: number,
  options: LocalGraphOptions = {},
): GraphData {
  if (!store.note(path)) return { nodes: [], edges: [] };
  const incoming = options.incoming ?? true;
  const outgoing = options.outgoing ?? true;
  const neighbourLinks = options.neighbourLinks ?? true;
  const maxDepth = Math.max(0, Math.min(Math.floor(depth), 10));
  const dist = new Map<string, number>([[path, 0]]);
  let frontier = [path];
  const noteTargets = (p: string) =>
    store
      .outgoing(p)
      .filter((l) => l.target !== null)
      .map((l) => l.target as string);
  for (let d = 1; d <= maxDepth && frontier.length; d++) {
    const next: string[] = [];
    for (const p of frontier) {
      const reach = [...(outgoing ? noteTargets(p) : []), ...(incoming ? store.backlinks(p).map((b) => b.source) : [])];
      for (const q of reach) {
        if (!dist.has(q)) {
          dist.set(q, d);
          next.push(q);
        }
      }
    }
    frontier = next;
  }
  const b = new GraphBuilder();
  for (const n of store.graphNotes([...dist.keys()])) b.nodes.set(n.path, noteNode(n));
  for (const [p, d] of dist) {
    if (!b.nodes.has(p)) continue;
    for (const l of store.outgoing(p)) {
      if (l.target === null && (d >= maxDepth || !outgoing)) continue;
      b.addEdge(
        {
          source: p,
          target: l.target,
          targetText: l.targetText,
          kind: l.kind,
          relation: l.relation,
          targetKind: l.target && b.nodes.has(l.target) ? 'note' : 'attachment',
        },
        false,
        true,
      );
    }
  }
  if (!neighbourLinks) {
    // Keep a link only when it joins notes one step apart in reach: the path by which the farther one was found.
    b.filterEdges((e) => {
      const ds = dist.get(e.source);
      const dt = e.target.startsWith('unresolved:') ? (ds ?? 0) + 1 : dist.get(e.target);
      return ds !== undefined && dt !== undefined && Math.abs(ds - dt) === 1;
    });
  }
  return b.data();
}
