/**
 * The connection view (#12, region "Connection"): "How is A connected to B?" — two notes picked with completion
 * (titles and paths of the vault; names resolve like links, aliases included), then the shortest chain of links
 * between them hop by hop, as `atlas path` prints it (electron/core/learning/connection.ts: fewest hops, then the
 * most prerequisite hops; links travelled in both directions). Each hop names its link kind and opens the note and
 * line the link is written in; "Show on graph" draws the chain in the graph view (graph/path-highlight.ts).
 */
import { useEffect, useId, useMemo, useRef, useState, type FormEvent } from 'react';
import type { ConnectionPath, PathHop } from '../../../electron/shared/api.ts';
import { api } from '../client.ts';
import { useApiQuery } from '../backend/query.ts';
import { useFileList } from '../backend/file-list.ts';
import { GRAPH_VIEW } from '../graph/register.tsx';
import { setPathHighlight } from '../graph/path-highlight.ts';
import { lastActiveNote } from '../graph/app-state.ts';
import { titleOf } from '../paths.ts';
import { suggestions } from '../components/suggestions.ts';
import type { ViewProps } from '../workspace/views.ts';
import './health.css';

/** How a hop's link reads: `wiki link`, `prerequisites (property link)`; and which way it was travelled. */
export function describeHop(h: PathHop): { kind: string; direction: string } {
  const kind = h.relation === null ? `${h.kind} link` : `${h.relation} (${h.kind} link)`;
  const direction =
    h.source === undefined || h.source === h.from
      ? `${titleOf(h.from)} links to ${titleOf(h.to)}`
      : `backlink: ${titleOf(h.to)} links to ${titleOf(h.from)}`;
  return { kind, direction };
}

/** A datalist of note paths, each labelled with its title. */
function NoteOptions({ id, paths }: { id: string; paths: string[] }) {
  return (
    <datalist id={id}>
      {paths.map((p) => (
        <option key={p} value={p}>
          {titleOf(p)}
        </option>
      ))}
    </datalist>
  );
}

export function ConnectionView(props: ViewProps) {
  const fromListId = useId();
  const toListId = useId();
  const files = useFileList(props.visible);
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [result, setResult] = useState<{ from: string; to: string; path: ConnectionPath } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const toInput = useRef<HTMLInputElement>(null);
  // Shown with no "From" yet: it starts from the note last open (the question is usually "how does this note
  // connect to …"), and the keyboard goes to "To".
  useEffect(() => {
    if (!props.visible) return;
    const last = lastActiveNote();
    setFrom((f) => {
      if (f || !last) return f;
      toInput.current?.focus();
      return last;
    });
  }, [props.visible]);

  const paths = useMemo(() => (files.data ?? []).filter((f) => f.kind === 'note').map((f) => f.path), [files.data]);
  // each input's datalist holds at most 50 paths containing its text (a datalist of every note: suggestions.ts)
  const fromOptions = useMemo(() => suggestions(paths, from), [paths, from]);
  const toOptions = useMemo(() => suggestions(paths, to), [paths, to]);

  const connect = async (e?: FormEvent) => {
    e?.preventDefault();
    const a = from.trim();
    const b = to.trim();
    if (!a || !b) {
      setError('Pick two notes.');
      return;
    }
    setBusy(true);
    setError(null);
    try {
      setResult({ from: a, to: b, path: await api.connection(a, b) });
    } catch (err) {
      setResult(null);
      setError(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  };

  const hops = result?.path.hops ?? [];
  return (
    <section className="connection-view" aria-label="Connection">
      <header className="health-header">
        <h2>How are these notes connected?</h2>
      </header>
      <form className="connection-form" aria-label="Connection query" onSubmit={(e) => void connect(e)}>
        <label>
          From{' '}
          <input
            list={fromListId}
            value={from}
            onChange={(e) => setFrom(e.target.value)}
            placeholder="Note title or path"
            autoComplete="off"
          />
        </label>
        <label>
          To{' '}
          <input
            ref={toInput}
            list={toListId}
            value={to}
            onChange={(e) => setTo(e.target.value)}
            placeholder="Note title or path"
            autoComplete="off"
          />
        </label>
        <NoteOptions id={fromListId} paths={fromOptions} />
        <NoteOptions id={toListId} paths={toOptions} />
        <button
          type="button"
          aria-label="Swap"
          title="Swap the notes"
          onClick={() => {
            setFrom(to);
            setTo(from);
          }}
        >
          ⇄
        </button>
        <button type="submit" disabled={busy}>
          Connect
        </button>
      </form>
      {error ? (
        <p className="error-text" role="alert">
          {error}
        </p>
      ) : null}
      {result ? (
        <div role="status" className="connection-summary">
          {hops.length === 0
            ? (result.path.message ?? 'No connection.')
            : `${titleOf(hops[0].from)} → ${titleOf(hops[hops.length - 1].to)}: ${hops.length} ${hops.length === 1 ? 'hop' : 'hops'}`}
        </div>
      ) : null}
      {hops.length > 0 ? (
        <button
          type="button"
          className="connection-show"
          title="Highlight this chain in the graph view, the rest faded"
          onClick={() => {
            setPathHighlight({
              nodes: [hops[0].from, ...hops.map((h) => h.to)],
              label: `${titleOf(hops[0].from)} → ${titleOf(hops[hops.length - 1].to)}`,
            });
            props.app.openView(GRAPH_VIEW);
          }}
        >
          Show on graph
        </button>
      ) : null}
      {hops.length > 0 ? (
        <ol className="connection-hops" aria-label="Path">
          {hops.map((h, i) => {
            const d = describeHop(h);
            const where = h.source && h.line ? `${h.source}:${h.line}` : (h.source ?? h.from);
            return (
              <li key={`${h.from}\u0000${h.to}`} className="connection-hop">
                <button
                  type="button"
                  className="health-open"
                  title={`Open ${where}`}
                  onClick={() =>
                    props.app.openNote(h.source ?? h.from, h.line ? { line: h.line, newTab: true } : { newTab: true })
                  }
                >
                  <span className="health-label">
                    {i + 1}. {titleOf(h.from)} → {titleOf(h.to)}
                  </span>
                  <span className="health-detail">
                    <span className="connection-kind">{d.kind}</span> · {d.direction} · {where}
                  </span>
                  {h.context ? <span className="context">{h.context}</span> : null}
                </button>
              </li>
            );
          })}
        </ol>
      ) : null}
    </section>
  );
}
