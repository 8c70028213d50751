/**
 * The in-memory learning graph: every note with its learning properties, the prerequisite edges between notes and
 * every link with its context. Built once per index version from `VaultQuery.notes()` / `links()` (pure function
 * of those rows) so that plan, connection and next-up run on plain arrays.
 */
import type { LinkRecord, NoteRecord } from '../model.ts';
import { stronglyConnectedComponents } from './scc.ts';
import { estimateFromLength, parseEstimate, parseLevel, parseType } from '../properties/readers.ts';

export interface LearningNode {
  path: string;
  title: string;
  aliases: string[];
  /** 1 (初级 junior) … 4 (专家 expert); null when the note has no valid `level`. */
  level: number | null;
  /** Minutes, from `estimate`, else derived from the note's length (see `estimateFromLength`). */
  estimateMin: number;
  /** True when `estimateMin` was derived rather than read from `estimate`. */
  estimated: boolean;
  /** The `type` property, lower-cased; `path` marks a curated path. */
  type: string | null;
}

/** One link of the vault whose source is a note. */
export interface LearningLink {
  /** Node id of the source note. */
  source: number;
  /** Node id of the target note; -1 when unresolved or resolved to a non-note (attachment). */
  target: number;
  /** Resolved vault path (note or attachment), or null. */
  targetPath: string | null;
  raw: string;
  targetText: string;
  kind: LinkRecord['kind'];
  /** Frontmatter key / inline field key (`prerequisites`, `related`, `part-of`, …), else null. */
  relation: string | null;
  /** 1-based line in the source file. */
  line: number;
  /** The text of that line. */
  context: string;
  prerequisite: boolean;
}

export interface LearningGraph {
  nodes: LearningNode[];
  /** Vault path → node id. */
  ids: Map<string, number>;
  /** prereqs[a]: ids of the notes `a` lists as prerequisites (B before A), de-duplicated, self-references removed. */
  prereqs: number[][];
  /** dependents[b]: ids of the notes that list `b` as a prerequisite. */
  dependents: number[][];
  /** Notes that list themselves as a prerequisite (one-member cycles). */
  selfPrereqs: number[];
  /** `prerequisites` links that do not resolve to a note, in link order. */
  missing: { source: number; raw: string; targetText: string }[];
  /** Every link whose source is a note, in the order `VaultQuery.links()` gave them. */
  links: LearningLink[];
  /**
   * adjacency[n]: indexes into `links` of the resolved note-to-note links touching n (outgoing first, then incoming),
   * for connection search over both directions.
   */
  adjacency: number[][];
  /**
   * cyclic[n]: id of the prerequisite cycle (strongly connected component with more than one member) n belongs to
   * in the whole graph, or -1. Cycles inside any plan are subsets of these, so plans only search for cycles here.
   */
  cyclic: Int32Array;
  /** rank[n]: position of n when all notes are sorted by level (null last), then title, then path. */
  rank: Int32Array;
  /** byRank[r]: the node id with rank r. */
  byRank: Int32Array;
}

/** Frontmatter keys / inline field keys that make a link a prerequisite (Dataview-style, case-insensitive). */
export function isPrerequisiteRelation(relation: string | null): boolean {
  if (relation === null) return false;
  const r = relation.toLowerCase();
  return r === 'prerequisites' || r === 'prerequisite';
}

const collator = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });

/** Order used to break ties: level 1..4 (no level after 4), then title (numeric-aware collation), then path. */
export function compareNodes(a: LearningNode, b: LearningNode): number {
  const la = a.level ?? 5;
  const lb = b.level ?? 5;
  if (la !== lb) return la - lb;
  const t = collator.compare(a.title, b.title);
  if (t !== 0) return t;
  return a.path < b.path ? -1 : a.path > b.path ? 1 : 0;
}

/** Builds the learning graph from the index's note and link rows. */
export function buildLearningGraph(notes: readonly NoteRecord[], links: readonly LinkRecord[]): LearningGraph {
  const nodes: LearningNode[] = [];
  const ids = new Map<string, number>();
  for (const n of notes) {
    if (ids.has(n.path)) continue;
    const props = n.properties ?? {};
    const given = parseEstimate(props.estimate);
    ids.set(n.path, nodes.length);
    nodes.push({
      path: n.path,
      title: n.title,
      aliases: n.aliases ?? [],
      level: parseLevel(props.level),
      estimateMin: given ?? estimateFromLength(n.words ?? 0, n.cjkChars ?? 0),
      estimated: given === null,
      type: parseType(props.type),
    });
  }
  const count = nodes.length;
  const prereqs: number[][] = Array.from({ length: count }, () => []);
  const dependents: number[][] = Array.from({ length: count }, () => []);
  const adjacency: number[][] = Array.from({ length: count }, () => []);
  const selfPrereqs: number[] = [];
  const missing: LearningGraph['missing'] = [];
  const out: LearningLink[] = [];
  const seenEdge = new Set<number>();
  const selfSeen = new Set<number>();

  for (const l of links) {
    const source = ids.get(l.source);
    if (source === undefined) continue;
    const target = l.target === null ? -1 : (ids.get(l.target) ?? -1);
    const prerequisite = isPrerequisiteRelation(l.relation);
    out.push({
      source,
      target,
      targetPath: l.target,
      raw: l.raw,
      targetText: l.targetText ?? '',
      kind: l.kind,
      relation: l.relation,
      line: l.line,
      context: l.context ?? '',
      prerequisite,
    });
    if (!prerequisite) continue;
    if (target < 0) {
      missing.push({ source, raw: l.raw, targetText: l.targetText ?? l.raw });
    } else if (target === source) {
      if (!selfSeen.has(source)) {
        selfSeen.add(source);
        selfPrereqs.push(source);
      }
    } else {
      const key = source * count + target;
      if (seenEdge.has(key)) continue;
      seenEdge.add(key);
      prereqs[source].push(target);
      dependents[target].push(source);
    }
  }

  // Outgoing links first so that, between equally good hops, the link written in the `from` note is shown.
  for (let i = 0; i < out.length; i++) {
    const l = out[i];
    if (l.target >= 0 && l.target !== l.source) adjacency[l.source].push(i);
  }
  for (let i = 0; i < out.length; i++) {
    const l = out[i];
    if (l.target >= 0 && l.target !== l.source) adjacency[l.target].push(i);
  }

  const order = Array.from({ length: count }, (_, i) => i).sort((a, b) => compareNodes(nodes[a], nodes[b]));
  const byRank = Int32Array.from(order);
  const rank = new Int32Array(count);
  for (let r = 0; r < count; r++) rank[byRank[r]] = r;

  const cyclic = new Int32Array(count).fill(-1);
  const components = stronglyConnectedComponents(prereqs, byRank);
  for (let c = 0; c < components.length; c++) {
    if (components[c].length > 1) for (const n of components[c]) cyclic[n] = c;
  }

  return { nodes, ids, prereqs, dependents, selfPrereqs, missing, links: out, adjacency, cyclic, rank, byRank };
}
