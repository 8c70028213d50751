/**
 * The graph view's controls (#11), as Obsidian's graph settings: filters, groups, display and forces, plus the local
 * graph's depth and link toggles. Kept per vault in `.atlas/graph.json` through `api.saveGraphViewState` (see
 * electron/services/graph-view-state.ts); `readSettings` accepts any stored JSON and falls back field by field.
 */
export interface GraphGroup {
  /** `tag:#go`, `path:runtime` (folder), `level:3` (the `level` property), or text matched in the title or path. */
  query: string;
  /** CSS hex colour, e.g. `#e5534b`. */
  color: string;
  /** Explicit members (node ids) instead of the query: groups computed by the app (the retention heat-map). */
  ids?: ReadonlySet<string>;
  /** Legend text instead of `Group: <query>`. */
  label?: string;
}

export interface GraphForces {
  /** Pull towards the centre, 0–1 (force-layout.ts: forceX/forceY strength 0.02 + 0.12 × centre). */
  centre: number;
  /** Repulsion between nodes, 1–20 (force-layout.ts: many-body strength −12 × repel, more for hubs). */
  repel: number;
  /** Spring strength of a link, 0.05–1 (force-layout.ts: 2 × linkForce ÷ the smaller end degree). */
  linkForce: number;
  /** Ideal link length in px at zoom 1, 30–400 (force-layout.ts: longer between hubs). */
  linkDistance: number;
}

export interface LocalGraphSettings {
  /** Links followed from the current note, 1–3. */
  depth: number;
  incoming: boolean;
  outgoing: boolean;
  neighbourLinks: boolean;
}

export interface GraphSettings {
  /** Text a node's title or path must contain (case-insensitive); '' shows all. */
  filter: string;
  /** Only notes carrying this tag or one nested below it; '' shows all. */
  tag: string;
  /** Only notes under this folder; '' shows all. */
  folder: string;
  orphans: boolean;
  unresolved: boolean;
  attachments: boolean;
  /** Tags as nodes. */
  tags: boolean;
  groups: GraphGroup[];
  arrows: boolean;
  /**
   * Label fade threshold (Obsidian's "text fade threshold"), 0.2–2: a label is drawn when its size on screen is at least
   * this × the view's base font size. Hubs have larger labels (style.ts), so they stay labelled when zoomed out.
   */
  labelZoom: number;
  nodeSizeByLinks: boolean;
  /** Link width in px at zoom 1, 0.3–4. */
  linkThickness: number;
  forces: GraphForces;
  local: LocalGraphSettings;
  /** Whether the "Graph controls" panel is expanded. */
  controlsOpen: boolean;
  /** Colour each top-level folder after the user's groups (folder-groups.ts). */
  folderColours: boolean;
  /** Node colours: the groups, or the retention heat-map (practice #15, retention-groups.ts). */
  colourBy: 'groups' | 'retention';
}

/**
 * Tuned on the sample vault (305 notes, 3,655 links: `node tests/e2e/graph-screenshots.ts`): short links and a
 * moderate repulsion keep the graph compact enough that it opens at a zoom where the hubs' labels are legible (~0.4),
 * while the collision force and the overlap pass keep every node apart.
 */
export const DEFAULT_FORCES: GraphForces = { centre: 0.35, repel: 10, linkForce: 0.45, linkDistance: 70 };

export const DEFAULT_SETTINGS: GraphSettings = {
  filter: '',
  tag: '',
  folder: '',
  orphans: true,
  unresolved: true,
  attachments: false,
  tags: false,
  groups: [],
  folderColours: true,
  arrows: false,
  labelZoom: 1.3,
  nodeSizeByLinks: true,
  linkThickness: 1,
  forces: DEFAULT_FORCES,
  local: { depth: 1, incoming: true, outgoing: true, neighbourLinks: true },
  controlsOpen: false,
  colourBy: 'groups',
};

/** Colours offered to new groups, in order (readable on light and dark backgrounds). */
export const GROUP_PALETTE = ['#e5534b', '#3b82f6', '#10b981', '#f59e0b', '#a855f7', '#ec4899', '#14b8a6', '#84cc16'];

/** The colour for a new group: the first of {@link GROUP_PALETTE} no group has yet (case-insensitive), else cycling. */
export function nextGroupColour(used: readonly string[]): string {
  const taken = new Set(used.map((c) => c.toLowerCase()));
  return GROUP_PALETTE.find((c) => !taken.has(c)) ?? GROUP_PALETTE[used.length % GROUP_PALETTE.length];
}

const clamp = (v: unknown, lo: number, hi: number, dflt: number) =>
  typeof v === 'number' && Number.isFinite(v) ? Math.min(hi, Math.max(lo, v)) : dflt;
const bool = (v: unknown, dflt: boolean) => (typeof v === 'boolean' ? v : dflt);
const str = (v: unknown, dflt: string, max = 500) => (typeof v === 'string' ? v.slice(0, max) : dflt);

/** Settings from stored JSON (any shape): known fields validated and clamped, the rest defaults. */
export function readSettings(raw: Record<string, unknown> | null | undefined): GraphSettings {
  const r = raw ?? {};
  const d = DEFAULT_SETTINGS;
  const f = (r.forces ?? {}) as Record<string, unknown>;
  const l = (r.local ?? {}) as Record<string, unknown>;
  const groups = Array.isArray(r.groups) ? r.groups : [];
  return {
    filter: str(r.filter, d.filter),
    tag: str(r.tag, d.tag),
    folder: str(r.folder, d.folder),
    orphans: bool(r.orphans, d.orphans),
    unresolved: bool(r.unresolved, d.unresolved),
    attachments: bool(r.attachments, d.attachments),
    tags: bool(r.tags, d.tags),
    groups: groups.slice(0, 32).flatMap((g: unknown) => {
      const o = g as Record<string, unknown>;
      return o && typeof o.query === 'string' && typeof o.color === 'string' && /^#[0-9a-f]{6}$/i.test(o.color)
        ? [{ query: o.query.slice(0, 200), color: o.color }]
        : [];
    }),
    folderColours: bool(r.folderColours, d.folderColours),
    arrows: bool(r.arrows, d.arrows),
    labelZoom: clamp(r.labelZoom, 0.2, 2, d.labelZoom),
    nodeSizeByLinks: bool(r.nodeSizeByLinks, d.nodeSizeByLinks),
    linkThickness: clamp(r.linkThickness, 0.3, 4, d.linkThickness),
    forces: {
      centre: clamp(f.centre, 0, 1, d.forces.centre),
      repel: clamp(f.repel, 1, 20, d.forces.repel),
      linkForce: clamp(f.linkForce, 0.05, 1, d.forces.linkForce),
      linkDistance: clamp(f.linkDistance, 30, 400, d.forces.linkDistance),
    },
    local: {
      depth: Math.round(clamp(l.depth, 1, 3, d.local.depth)),
      incoming: bool(l.incoming, d.local.incoming),
      outgoing: bool(l.outgoing, d.local.outgoing),
      neighbourLinks: bool(l.neighbourLinks, d.local.neighbourLinks),
    },
    controlsOpen: bool(r.controlsOpen, d.controlsOpen),
    colourBy: r.colourBy === 'retention' ? 'retention' : 'groups',
  };
}
