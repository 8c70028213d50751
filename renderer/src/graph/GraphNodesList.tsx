/**
 * The visible nodes of a graph as a searchable list named "Graph nodes" (for keyboard and screen-reader users):
 * a search box and a virtualised list (@tanstack/react-virtual) of buttons that open the node's note.
 */
import { useMemo, useRef, useState } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { GraphNodeRef } from './GraphCanvas.tsx';

const ROW_PX = 24;
/** One collator for the sort (String#localeCompare builds one per call: slow on thousands of labels). */
const collator = new Intl.Collator();

export function GraphNodesList({ nodes, onOpen }: { nodes: GraphNodeRef[]; onOpen(n: GraphNodeRef): void }) {
  const [query, setQuery] = useState('');
  const shown = useMemo(() => {
    const q = query.trim().toLowerCase();
    const list = q ? nodes.filter((n) => n.label.toLowerCase().includes(q) || n.id.toLowerCase().includes(q)) : nodes;
    return [...list].sort((a, b) => collator.compare(a.label, b.label));
  }, [nodes, query]);
  const scrollRef = useRef<HTMLDivElement>(null);
  const v = useVirtualizer({
    count: shown.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_PX,
    overscan: 8,
  });
  return (
    <div className="graph-nodes">
      <input
        type="search"
        aria-label="Search graph nodes"
        placeholder={`Search ${nodes.length} nodes…`}
        value={query}
        onChange={(e) => setQuery(e.target.value)}
      />
      <div ref={scrollRef} className="graph-nodes-scroll">
        <ul aria-label="Graph nodes" style={{ height: v.getTotalSize(), position: 'relative' }}>
          {v.getVirtualItems().map((row) => {
            const n = shown[row.index];
            return (
              <li
                key={n.id}
                style={{ position: 'absolute', top: row.start, left: 0, right: 0, height: ROW_PX }}
                aria-setsize={shown.length}
                aria-posinset={row.index + 1}
              >
                <button type="button" className={`graph-node-item ${n.kind}`} title={n.id} onClick={() => onOpen(n)}>
                  {n.label}
                </button>
              </li>
            );
          })}
        </ul>
      </div>
    </div>
  );
}
