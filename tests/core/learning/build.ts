/** Hand-built learning graphs for the unit tests: notes and link rows shaped like `GraphIndex.notes()/links()`. */
import type { LinkRecord, NoteRecord } from '../../../electron/core/model.ts';
import { buildLearningGraph, type LearningGraph } from '../../../electron/core/learning/graph.ts';

export interface NoteSpec {
  title: string;
  /** Titles of prerequisites (frontmatter links); unknown titles become unresolved links. */
  pre?: string[];
  /** Titles of inline `prerequisites:: [[x]]` fields. */
  inlinePre?: string[];
  /** Plain body wiki links. */
  links?: string[];
  /** Other typed property links, e.g. { related: ['x'] }. */
  typed?: Record<string, string[]>;
  level?: unknown;
  estimate?: unknown;
  type?: string;
  words?: number;
  cjkChars?: number;
  aliases?: string[];
}

export function rows(specs: NoteSpec[]): { notes: NoteRecord[]; links: LinkRecord[] } {
  const pathOf = new Map(specs.map((s) => [s.title, `${s.title}.md`]));
  const notes: NoteRecord[] = specs.map((s) => ({
    path: `${s.title}.md`,
    title: s.title,
    aliases: s.aliases ?? [],
    tags: [],
    properties: {
      ...(s.level !== undefined ? { level: s.level } : {}),
      ...(s.estimate !== undefined ? { estimate: s.estimate } : {}),
      ...(s.type !== undefined ? { type: s.type } : {}),
    },
    words: s.words ?? 0,
    cjkChars: s.cjkChars ?? 0,
  }));
  const links: LinkRecord[] = [];
  const link = (
    source: string,
    target: string,
    kind: LinkRecord['kind'],
    relation: string | null,
    line: number,
    context: string,
  ) => {
    links.push({
      source: `${source}.md`,
      raw: `[[${target}]]`,
      kind,
      target: pathOf.get(target) ?? null,
      targetText: target,
      heading: null,
      block: null,
      alias: null,
      line,
      context,
      relation,
      resolvedBy: pathOf.has(target) ? 'shortest' : null,
    });
  };
  for (const s of specs) {
    let line = 2;
    for (const p of s.pre ?? []) link(s.title, p, 'property', 'prerequisites', line++, `- "[[${p}]]"`);
    for (const [rel, ts] of Object.entries(s.typed ?? {}))
      for (const t of ts) link(s.title, t, 'property', rel, line++, `${rel}: "[[${t}]]"`);
    line += 2;
    for (const p of s.inlinePre ?? []) link(s.title, p, 'wiki', 'prerequisites', line++, `prerequisites:: [[${p}]]`);
    for (const t of s.links ?? []) link(s.title, t, 'wiki', null, line++, `See [[${t}]] here.`);
  }
  return { notes, links };
}

export function graph(specs: NoteSpec[]): LearningGraph {
  const r = rows(specs);
  return buildLearningGraph(r.notes, r.links);
}

export function id(g: LearningGraph, title: string): number {
  const n = g.ids.get(`${title}.md`);
  if (n === undefined) throw new Error(`no node ${title}`);
  return n;
}

export const titles = (g: LearningGraph, ids: number[]): string[] => ids.map((n) => g.nodes[n].title);

/** The learned-notes array for `computePlan` / `computeNextUp`: 1 for each given title. */
export function known(g: LearningGraph, ...learned: string[]): Uint8Array {
  const a = new Uint8Array(g.nodes.length);
  for (const t of learned) a[id(g, t)] = 1;
  return a;
}
