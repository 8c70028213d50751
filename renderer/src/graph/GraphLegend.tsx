/**
 * The region "Graph legend": every colour and edge style in use in the shown graph — the groups (with their
 * queries), the current note, learned / learning / in plan, unresolved, attachments and tags, and the edge types
 * (link, embed, prerequisite arrow from prerequisite to dependent, other property links, tag).
 */
import type { GraphGroup } from './settings.ts';
import type { GraphTheme } from './style.ts';

export interface LegendUse {
  groups: GraphGroup[];
  /** Node and edge kinds present among the shown elements. */
  kinds: Set<string>;
  edgeTypes: Set<string>;
  current: boolean;
  learned: boolean;
  learning: boolean;
  plan: boolean;
  /** A chain from the connection view is drawn (path-highlight.ts). */
  path?: boolean;
}

function Swatch({
  color,
  ring,
  dashed,
  shape,
}: {
  color: string;
  ring?: string;
  dashed?: boolean;
  shape?: 'square' | 'diamond';
}) {
  return (
    <span
      className={`legend-swatch${shape ? ` ${shape}` : ''}`}
      style={{ background: color, borderColor: ring ?? color, borderStyle: dashed ? 'dashed' : 'solid' }}
      aria-hidden="true"
    />
  );
}

function Line({ color, style, arrow }: { color: string; style: 'solid' | 'dashed' | 'dotted'; arrow?: boolean }) {
  return (
    <svg className="legend-line" width="28" height="10" aria-hidden="true">
      <line
        x1="1"
        y1="5"
        x2={arrow ? 20 : 27}
        y2="5"
        stroke={color}
        strokeWidth="2"
        strokeDasharray={style === 'dashed' ? '5 3' : style === 'dotted' ? '1.5 2.5' : undefined}
      />
      {arrow ? <polygon points="20,1 27,5 20,9" fill={color} /> : null}
    </svg>
  );
}

/** `label`: the region's name ("Graph legend" in the graph tab, "Local graph legend" under the local graph). */
export function GraphLegend({
  use,
  theme,
  label = 'Graph legend',
}: {
  use: LegendUse;
  theme: GraphTheme;
  label?: string;
}) {
  const items: { key: string; icon: React.ReactNode; text: string }[] = [];
  use.groups.forEach((g, i) => {
    if (g.query.trim())
      items.push({ key: `g${i}`, icon: <Swatch color={g.color} />, text: g.label ?? `Group: ${g.query}` });
  });
  if (use.kinds.has('note'))
    items.push({ key: 'note', icon: <Swatch color={theme.node} />, text: 'Note (size: links)' });
  if (use.current) items.push({ key: 'current', icon: <Swatch color={theme.accent} />, text: 'Current note' });
  if (use.learned)
    items.push({ key: 'learned', icon: <Swatch color={theme.learned} ring={theme.learnedRing} />, text: 'Learned' });
  if (use.learning) items.push({ key: 'learning', icon: <Swatch color={theme.learning} />, text: 'Learning' });
  if (use.plan)
    items.push({
      key: 'plan',
      icon: <Swatch color={theme.node} ring={theme.prereq} />,
      text: 'In plan (numbered in order)',
    });
  if (use.path)
    items.push({
      key: 'path',
      icon: <Swatch color={theme.node} ring={theme.accent} />,
      text: 'On the connection path (the rest faded)',
    });
  if (use.kinds.has('unresolved'))
    items.push({
      key: 'unresolved',
      icon: <Swatch color="transparent" ring={theme.muted} dashed />,
      text: 'Unresolved (no such note yet)',
    });
  if (use.kinds.has('attachment'))
    items.push({ key: 'attachment', icon: <Swatch color={theme.muted} shape="square" />, text: 'Attachment' });
  if (use.kinds.has('tag'))
    items.push({ key: 'tag', icon: <Swatch color={theme.accent} shape="diamond" />, text: 'Tag' });
  if (use.edgeTypes.has('link'))
    items.push({ key: 'e-link', icon: <Line color={theme.edge} style="solid" />, text: 'Link' });
  if (use.current && ['link', 'embed', 'property'].some((t) => use.edgeTypes.has(t)))
    items.push({
      key: 'e-current',
      icon: <Line color={theme.accent} style="solid" />,
      text: 'Link of the current note',
    });
  if (use.edgeTypes.has('embed'))
    items.push({ key: 'e-embed', icon: <Line color={theme.edge} style="dotted" />, text: 'Embed' });
  if (use.edgeTypes.has('prereq'))
    items.push({
      key: 'e-prereq',
      icon: <Line color={theme.prereq} style="solid" arrow />,
      text: 'Prerequisite → the note that needs it',
    });
  if (use.edgeTypes.has('property'))
    items.push({ key: 'e-property', icon: <Line color={theme.edge} style="dashed" />, text: 'Other property link' });
  if (use.edgeTypes.has('tag'))
    items.push({ key: 'e-tag', icon: <Line color={theme.accent} style="dotted" />, text: 'Tag of a note' });
  return (
    <section aria-label={label} className="graph-legend">
      <ul>
        {items.map((it) => (
          <li key={it.key}>
            {it.icon}
            <span>{it.text}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
