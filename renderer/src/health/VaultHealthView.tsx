/**
 * The "Vault health" view (#12): what `atlas check` reports, in the app — unresolved links (with "Create note"),
 * ambiguous links, broken heading and block links, prerequisite cycles, missing prerequisites, notes that could not
 * be read or parsed, links resolved only through an alias (listed, not counted as problems), and orphans. Grouped with counts; every entry opens its note at the line. The report comes from
 * the one `check()` of the core (api.check) and is fetched again whenever the index changes (backend/query.ts).
 * Notes open in a tab of their own (or the tab already showing them), so the view stays open, as Obsidian's panes do.
 */
import { useState } from 'react';
import type { CheckReport } from '../../../electron/shared/api.ts';
import { splitWiki, wikiInner } from '../../../electron/core/markdown/index.ts';
import { api } from '../client.ts';
import { useApiQuery } from '../backend/query.ts';
import { titleOf } from '../paths.ts';
import type { ViewProps } from '../workspace/views.ts';
import './health.css';

/** Entries shown per group before "Show all" (a messy vault may report thousands). */
const FIRST = 200;

interface Entry {
  key: string;
  /** Note to open, 1-based line to open it at (undefined: the top), and text to select there. */
  path: string;
  line?: number;
  select?: string;
  /** What the entry says. */
  label: string;
  detail?: string;
  /** An unresolved wiki link's target, for "Create note". */
  create?: string;
}

interface Group {
  id: string;
  title: string;
  /** One sentence on what the group means (Obsidian has no such view; the wording follows `atlas check`). */
  about: string;
  /** Listed, but not counted as a problem. */
  informational?: boolean;
  entries: Entry[];
}

/** The target of an unresolved wiki link (`[[a#h|b]]` → `a`), or null for other links. */
function wikiTarget(raw: string): string | null {
  const inner = wikiInner(raw);
  if (inner === raw) return null;
  return splitWiki(inner)?.target.trim() || null;
}

/** A line named in a problem's message (`… line 3: …`), for opening the note there. */
function lineIn(message: string): number | undefined {
  const m = /\bline (\d+)\b/.exec(message);
  return m ? Number(m[1]) : undefined;
}

export function groupsOf(r: CheckReport): Group[] {
  return [
    {
      id: 'unresolved',
      title: 'Unresolved links',
      about: 'Links to notes that do not exist.',
      entries: r.unresolved.map((u, i) => ({
        key: `${u.source}:${u.line}:${i}`,
        path: u.source,
        line: u.line,
        select: u.raw,
        label: u.raw,
        detail: `${u.source}:${u.line}`,
        create: wikiTarget(u.raw) ?? undefined,
      })),
    },
    {
      id: 'ambiguous',
      title: 'Ambiguous links',
      about: 'Links that several notes could answer.',
      entries: r.ambiguous.map((a, i) => ({
        key: `${a.source}:${a.line}:${i}`,
        path: a.source,
        line: a.line,
        select: a.raw,
        label: a.raw,
        detail: `${a.source}:${a.line} → ${a.chosen ?? 'none (an alias shared by several notes)'}; candidates: ${a.candidates.join(', ')}`,
      })),
    },
    {
      id: 'anchors',
      title: 'Broken heading and block links',
      about: 'The note exists but has no such heading or block.',
      entries: r.brokenAnchors.map((b, i) => ({
        key: `${b.source}:${b.line}:${i}`,
        path: b.source,
        line: b.line,
        select: b.raw,
        label: b.raw,
        detail: `${b.source}:${b.line} → ${b.target}`,
      })),
    },
    {
      id: 'cycles',
      title: 'Prerequisite cycles',
      about: 'Notes that are, through their prerequisites, their own prerequisite.',
      entries: r.cycles.map((c) => ({
        key: c.join('\u0000'),
        path: c[0],
        label: [...c, c[0]].map(titleOf).join(' → '),
        detail: c.join(', '),
      })),
    },
    {
      id: 'missing',
      title: 'Missing prerequisites',
      about: 'Prerequisites that name no note.',
      entries: r.missingPrerequisites.map((m, i) => ({
        key: `${m.source}:${m.raw}:${i}`,
        path: m.source,
        label: m.raw,
        detail: m.source,
        create: wikiTarget(m.raw) ?? undefined,
      })),
    },
    {
      id: 'problems',
      title: 'Problems reading notes',
      about: 'Files that could not be read or parsed completely (malformed frontmatter, too large, invalid text…).',
      entries: r.problems.map((p, i) => ({
        key: `${p.path}:${p.kind}:${i}`,
        path: p.path,
        line: lineIn(p.message),
        label: `${p.path} [${p.kind}]`,
        detail: p.message,
      })),
    },
    {
      id: 'alias',
      title: 'Links resolved through an alias',
      about: 'Not problems here, but Obsidian would leave these unresolved (Settings › Resolve links through aliases).',
      informational: true,
      entries: (r.aliasLinks ?? []).map((a, i) => ({
        key: `${a.source}:${a.line}:${i}`,
        path: a.source,
        line: a.line,
        select: a.raw,
        label: a.raw,
        detail: `${a.source}:${a.line} → ${a.target}`,
      })),
    },
    {
      id: 'orphans',
      title: 'Orphans',
      about: 'Notes with no links in or out.',
      entries: r.orphans.map((o) => ({ key: o, path: o, label: titleOf(o), detail: o })),
    },
  ];
}

function HealthGroup({ group, props }: { group: Group; props: ViewProps }) {
  const [all, setAll] = useState(false);
  const n = group.entries.length;
  const shown = all ? group.entries : group.entries.slice(0, FIRST);
  const headingId = `health-${group.id}`;
  const create = async (target: string) => {
    try {
      const created = await api.createNote(/\.md$/i.test(target) ? target : `${target}.md`, '');
      props.app.openNote(created.path, { line: 1, newTab: true });
    } catch (e) {
      props.app.showError(e);
    }
  };
  return (
    <section className="health-group" aria-labelledby={headingId}>
      <h3 id={headingId}>
        {group.title} <span className="health-count">{n}</span>
      </h3>
      {n === 0 ? null : (
        <>
          <p className="muted health-about">{group.about}</p>
          <ul className="health-list" aria-label={group.title}>
            {shown.map((e) => (
              <li key={e.key} className="health-entry">
                <button
                  type="button"
                  className="health-open"
                  title={e.line ? `Open ${e.path} at line ${e.line}` : `Open ${e.path}`}
                  onClick={() =>
                    props.app.openNote(
                      e.path,
                      e.line ? { line: e.line, select: e.select, newTab: true } : { newTab: true },
                    )
                  }
                >
                  <span className="health-label">{e.label}</span>
                  {e.detail ? <span className="health-detail">{e.detail}</span> : null}
                </button>
                {e.create !== undefined ? (
                  <button
                    type="button"
                    className="health-create"
                    aria-label={`Create note ${e.create}`}
                    onClick={() => void create(e.create ?? '')}
                  >
                    Create note
                  </button>
                ) : null}
              </li>
            ))}
          </ul>
          {n > shown.length ? (
            <button type="button" onClick={() => setAll(true)}>
              Show all {n}
            </button>
          ) : null}
        </>
      )}
    </section>
  );
}

export function VaultHealthView(props: ViewProps) {
  const { data, error } = useApiQuery(props.visible ? ['check'] : null, () => api.check());
  const [report, setReport] = useState<CheckReport | null>(null);
  // keep the last report while the tab is hidden (no fetch then) or the next version loads
  if (data && data !== report) setReport(data);
  const groups = report ? groupsOf(report) : [];
  const total = groups.reduce((s, g) => s + (g.informational ? 0 : g.entries.length), 0);
  return (
    <section className="health-view" aria-label="Vault health">
      <header className="health-header">
        <h2>Vault health</h2>
        {report ? (
          <span className="muted" role="status">
            {total === 0 ? 'No problems found' : `${total} ${total === 1 ? 'entry' : 'entries'}`}
          </span>
        ) : null}
      </header>
      {error ? <p className="error-text">Could not check the vault: {error.message}</p> : null}
      {!report && !error ? <p className="muted">Checking the vault…</p> : null}
      {groups.map((g) => (
        <HealthGroup key={g.id} group={g} props={props} />
      ))}
    </section>
  );
}
