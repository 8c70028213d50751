/**
 * The Outline pane (region "Outline"), as Obsidian's: the current note's headings (from the index, refreshed when the
 * vault changes), nested by level; a click scrolls the editor or the reading view to the heading (App's openNote with
 * a line, which also flashes it).
 */
import type { HeadingInfo } from '../../../electron/shared/api.ts';
import { api } from '../client.ts';
import { useApiQuery } from '../backend/query.ts';

interface Node {
  h: HeadingInfo;
  children: Node[];
}

/** Nests headings by level (a deeper heading goes under the nearest shallower one before it). */
export function nestHeadings(headings: HeadingInfo[]): Node[] {
  const root: Node[] = [];
  const stack: Node[] = [];
  for (const h of headings) {
    const node = { h, children: [] };
    while (stack.length && stack[stack.length - 1].h.level >= h.level) stack.pop();
    (stack.length ? stack[stack.length - 1].children : root).push(node);
    stack.push(node);
  }
  return root;
}

function Tree(props: { nodes: Node[]; onOpen(line: number): void }) {
  return (
    <ul className="outline-list">
      {props.nodes.map((n) => (
        <li key={`${n.h.line}`}>
          <button
            type="button"
            className="outline-item"
            onClick={() => props.onOpen(n.h.line)}
            title={`Line ${n.h.line}`}
          >
            {n.h.text}
          </button>
          {n.children.length ? <Tree nodes={n.children} onOpen={props.onOpen} /> : null}
        </li>
      ))}
    </ul>
  );
}

export function OutlinePane(props: { path: string | null; onOpen(path: string, line: number): void }) {
  const { path } = props;
  // again for every index version (backend/query.ts); a note the index cannot answer for shows no headings
  const info = useApiQuery(path ? ['noteInfo', path] : null, () => api.noteInfo(path ?? ''));
  const headings: HeadingInfo[] | null = info.error ? [] : (info.data?.headings ?? null);
  if (!path) return null;
  return (
    <section aria-label="Outline" className="pane outline-pane">
      <h2>Outline</h2>
      {headings && headings.length ? (
        <Tree nodes={nestHeadings(headings)} onOpen={(line) => props.onOpen(path, line)} />
      ) : (
        <p className="muted">{headings ? 'No headings.' : 'Loading…'}</p>
      )}
    </section>
  );
}
