/**
 * The links of the index database: stored links as the queries read them (backlinks, outgoing, filtered lists, graph
 * edges, the links `check` reports) and as the resolver re-resolves them (by target name, unresolved, anchors).
 * Part of `SqliteStore` (sqlite-store.ts).
 */
import type Database from 'better-sqlite3';
import type { ResolvedBy } from '../model.ts';
import type { Resolution } from '../resolve/name-table.ts';
import type { BacklinkRow, EdgeRow, LinkToResolve, StoredLink } from './graph-store.ts';

type Stmt = Database.Statement;

interface LinkDbRow {
  id: number;
  source: string;
  kind: StoredLink['kind'];
  raw: string;
  target_text: string;
  heading: string | null;
  block: string | null;
  alias: string | null;
  line: number;
  context: string;
  relation: string | null;
  target: string | null;
  resolved_by: ResolvedBy | null;
  candidates: string | null;
  anchor_ok: number | null;
}

function toStoredLink(r: LinkDbRow): StoredLink {
  return {
    id: r.id,
    source: r.source,
    kind: r.kind,
    raw: r.raw,
    targetText: r.target_text,
    heading: r.heading,
    block: r.block,
    alias: r.alias,
    line: r.line,
    context: r.context,
    relation: r.relation,
    target: r.target,
    resolvedBy: r.resolved_by,
    candidates: r.candidates ? (JSON.parse(r.candidates) as string[]) : null,
    anchorOk: r.anchor_ok === null ? null : r.anchor_ok === 1,
  };
}

const LINK_COLUMNS = `l.id, s.path AS source, l.kind, l.raw, l.target_text, l.heading, l.block, l.alias, l.line,
  l.context, l.relation, l.target, l.resolved_by, l.candidates, l.anchor_ok`;

/** Link statements; `stmt` is the store's cached `prepare`. */
export class LinkRows {
  private readonly stmt: (sql: string) => Stmt;

  constructor(stmt: (sql: string) => Stmt) {
    this.stmt = stmt;
  }

  allAliases(): { path: string; aliases: string[] }[] {
    const rows = this.stmt(
      `SELECT n.path, a.alias FROM aliases a JOIN notes n ON n.id = a.note_id ORDER BY n.path, a.pos`,
    ).all() as { path: string; alias: string }[];
    const out = new Map<string, string[]>();
    for (const r of rows) {
      let list = out.get(r.path);
      if (!list) {
        list = [];
        out.set(r.path, list);
      }
      list.push(r.alias);
    }
    return [...out].map(([p, aliases]) => ({ path: p, aliases }));
  }

  private toResolve(
    rows: {
      id: number;
      source: string;
      kind: StoredLink['kind'];
      target_text: string;
      target: string | null;
      resolved_by: ResolvedBy | null;
      candidates: string | null;
    }[],
  ): LinkToResolve[] {
    return rows.map((r) => ({
      id: r.id,
      source: r.source,
      kind: r.kind,
      targetText: r.target_text,
      target: r.target,
      resolvedBy: r.resolved_by,
      candidates: r.candidates ? (JSON.parse(r.candidates) as string[]) : null,
    }));
  }

  linksByTargetName(names: string[]): LinkToResolve[] {
    if (names.length === 0) return [];
    return this.toResolve(
      this.stmt(`SELECT l.id, s.path AS source, l.kind, l.target_text, l.target, l.resolved_by,
      l.candidates FROM links l JOIN notes s ON s.id = l.source_id
      WHERE l.target_name IN (SELECT value FROM json_each(?))`).all(JSON.stringify([...new Set(names)])) as never,
    );
  }

  unresolvedLinks(): LinkToResolve[] {
    return this.toResolve(
      this.stmt(`SELECT l.id, s.path AS source, l.kind, l.target_text, l.target, l.resolved_by,
      l.candidates FROM links l JOIN notes s ON s.id = l.source_id WHERE l.target IS NULL`).all() as never,
    );
  }

  setResolution(id: number, r: Resolution): void {
    this.stmt(`UPDATE links SET target = ?, resolved_by = ?, candidates = ? WHERE id = ?`).run(
      r.path,
      r.by,
      r.candidates ? JSON.stringify(r.candidates) : null,
      id,
    );
  }

  recheckAnchors(scope: { sources?: string[]; targets?: string[] } | null): void {
    const set = `UPDATE links SET anchor_ok = CASE
      WHEN target IS NULL THEN NULL
      WHEN block_key IS NOT NULL THEN (SELECT count(*) > 0 FROM notes n JOIN blocks b ON b.note_id = n.id
        WHERE n.path = links.target AND b.key = links.block_key)
      ELSE (SELECT count(*) > 0 FROM notes n JOIN headings h ON h.note_id = n.id
        WHERE n.path = links.target AND h.key = links.heading_key) END
      * (CASE WHEN EXISTS (SELECT 1 FROM notes n WHERE n.path = links.target) THEN 1 ELSE NULL END)
      WHERE (heading_key IS NOT NULL OR block_key IS NOT NULL)`;
    if (!scope) {
      this.stmt(set).run();
      return;
    }
    if (scope.sources?.length) {
      this.stmt(`${set} AND source_id IN (SELECT id FROM notes WHERE path IN (SELECT value FROM json_each(?)))`).run(
        JSON.stringify(scope.sources),
      );
    }
    if (scope.targets?.length) {
      this.stmt(`${set} AND target IN (SELECT value FROM json_each(?))`).run(JSON.stringify(scope.targets));
    }
  }

  backlinks(target: string): BacklinkRow[] {
    return this.stmt(`SELECT s.path AS source, l.line, l.kind, l.context FROM links l JOIN notes s ON s.id = l.source_id
      WHERE l.target = @target AND s.path <> @target ORDER BY s.path, l.line, l.id`).all({ target }) as BacklinkRow[];
  }

  outgoing(source: string): StoredLink[] {
    return (
      this.stmt(`SELECT ${LINK_COLUMNS} FROM notes s JOIN links l ON l.source_id = s.id WHERE s.path = ?
      ORDER BY l.line, l.id`).all(source) as LinkDbRow[]
    ).map(toStoredLink);
  }

  links(filter: { relation?: string; resolved?: boolean; source?: string } = {}): StoredLink[] {
    const where: string[] = [];
    const args: unknown[] = [];
    if (filter.relation !== undefined) {
      where.push('l.relation = ?');
      args.push(filter.relation);
    }
    if (filter.resolved === true) where.push('l.target IS NOT NULL');
    if (filter.resolved === false) where.push('l.target IS NULL');
    if (filter.source !== undefined) {
      where.push('s.path = ?');
      args.push(filter.source);
    }
    const sql = `SELECT ${LINK_COLUMNS} FROM links l JOIN notes s ON s.id = l.source_id
      ${where.length ? 'WHERE ' + where.join(' AND ') : ''} ORDER BY s.path, l.line, l.id`;
    return (this.stmt(sql).all(...args) as LinkDbRow[]).map(toStoredLink);
  }

  edgeRows(sources?: string[]): EdgeRow[] {
    if (sources)
      return this.stmt(`SELECT s.path AS source, l.target, l.target_text AS targetText, l.kind, l.relation,
          CASE WHEN f.kind = 'note' AND NOT EXISTS (SELECT 1 FROM notes t WHERE t.path = l.target) THEN NULL
            ELSE f.kind END AS targetKind
        FROM notes s JOIN links l ON l.source_id = s.id LEFT JOIN files f ON f.path = l.target
        WHERE s.path IN (SELECT value FROM json_each(?))
        ORDER BY s.path, l.line, l.id`).all(JSON.stringify(sources)) as EdgeRow[];
    return this.stmt(`SELECT s.path AS source, l.target, l.target_text AS targetText, l.kind, l.relation, f.kind AS targetKind
      FROM links l JOIN notes s ON s.id = l.source_id LEFT JOIN files f ON f.path = l.target
      ORDER BY s.path, l.line, l.id`).all() as EdgeRow[];
  }

  checkLinks(): StoredLink[] {
    return (
      this.stmt(`SELECT ${LINK_COLUMNS} FROM links l JOIN notes s ON s.id = l.source_id
      WHERE l.target IS NULL OR l.candidates IS NOT NULL OR l.anchor_ok = 0 ORDER BY s.path, l.line, l.id`).all() as LinkDbRow[]
    ).map(toStoredLink);
  }
}
