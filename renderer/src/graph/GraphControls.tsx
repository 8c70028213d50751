/**
 * The collapsible group "Graph controls" (Obsidian's graph settings): Filters (a search box "Filter", tag, folder,
 * toggles Orphans / Unresolved / Attachments / Tags), Groups (colour by query, see groups.ts), Display (arrows, label
 * fade threshold, node size by link count, link thickness) and Forces (centre, repel, link force, link distance).
 * Every change goes to the kept settings of the vault (view-state.ts).
 */
import { nextGroupColour, DEFAULT_FORCES, type GraphSettings } from './settings.ts';
import { updateSettings } from './view-state.ts';

function Toggle({ name, checked, onChange }: { name: string; checked: boolean; onChange(v: boolean): void }) {
  return (
    <label className="graph-toggle">
      <input type="checkbox" checked={checked} onChange={(e) => onChange(e.target.checked)} /> {name}
    </label>
  );
}

function Slider(props: {
  name: string;
  min: number;
  max: number;
  step: number;
  value: number;
  onChange(v: number): void;
}) {
  return (
    <label className="graph-slider">
      <span>{props.name}</span>
      <input
        type="range"
        aria-label={props.name}
        min={props.min}
        max={props.max}
        step={props.step}
        value={props.value}
        onChange={(e) => props.onChange(Number(e.target.value))}
      />
    </label>
  );
}

export function GraphControls({ settings: s, tags }: { settings: GraphSettings; tags: string[] }) {
  const f = s.forces;
  const setForce = (k: keyof GraphSettings['forces']) => (v: number) =>
    updateSettings({ forces: { ...s.forces, [k]: v } });
  return (
    <fieldset aria-label="Graph controls" className={`graph-controls${s.controlsOpen ? ' open' : ''}`}>
      <button
        type="button"
        className="graph-controls-toggle"
        aria-expanded={s.controlsOpen}
        onClick={() => updateSettings({ controlsOpen: !s.controlsOpen })}
      >
        {s.controlsOpen ? '▾' : '▸'} Graph controls
      </button>
      {s.controlsOpen ? (
        <div className="graph-controls-body">
          <fieldset>
            <legend>Filters</legend>
            <input
              type="search"
              aria-label="Filter"
              placeholder="Filter by title or path…"
              value={s.filter}
              onChange={(e) => updateSettings({ filter: e.target.value })}
            />
            <input
              aria-label="Tag"
              placeholder="Tag, e.g. go/runtime"
              list="graph-tag-list"
              value={s.tag}
              onChange={(e) => updateSettings({ tag: e.target.value.replace(/^#/, '') })}
            />
            <datalist id="graph-tag-list">
              {tags.map((t) => (
                <option key={t} value={t} />
              ))}
            </datalist>
            <input
              aria-label="Folder"
              placeholder="Folder, e.g. runtime"
              value={s.folder}
              onChange={(e) => updateSettings({ folder: e.target.value })}
            />
            <div className="graph-toggles">
              <Toggle name="Orphans" checked={s.orphans} onChange={(v) => updateSettings({ orphans: v })} />
              <Toggle name="Unresolved" checked={s.unresolved} onChange={(v) => updateSettings({ unresolved: v })} />
              <Toggle name="Attachments" checked={s.attachments} onChange={(v) => updateSettings({ attachments: v })} />
              <Toggle name="Tags" checked={s.tags} onChange={(v) => updateSettings({ tags: v })} />
            </div>
          </fieldset>
          <fieldset>
            <legend>Groups</legend>
            <ul className="graph-groups" aria-label="Groups">
              {s.groups.map((g, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: groups have no identity but their place in the list (the colour legend follows it); a key from the query would remount the field being typed in
                <li key={i}>
                  <input
                    type="color"
                    aria-label={`Colour of group ${i + 1}`}
                    value={g.color}
                    onChange={(e) =>
                      updateSettings({
                        groups: s.groups.map((x, j) => (j === i ? { ...x, color: e.target.value } : x)),
                      })
                    }
                  />
                  <input
                    aria-label={`Query of group ${i + 1}`}
                    placeholder="tag:#go, path:runtime, level:2"
                    value={g.query}
                    onChange={(e) =>
                      updateSettings({
                        groups: s.groups.map((x, j) => (j === i ? { ...x, query: e.target.value } : x)),
                      })
                    }
                  />
                  <button
                    type="button"
                    className="small"
                    aria-label={`Remove group ${i + 1}`}
                    onClick={() => updateSettings({ groups: s.groups.filter((_, j) => j !== i) })}
                  >
                    ×
                  </button>
                </li>
              ))}
            </ul>
            <button
              type="button"
              className="small"
              onClick={() =>
                updateSettings({
                  groups: [...s.groups, { query: '', color: nextGroupColour(s.groups.map((g) => g.color)) }],
                })
              }
            >
              New group
            </button>
            <Toggle
              name="Colour by folder"
              checked={s.folderColours}
              onChange={(v) => updateSettings({ folderColours: v })}
            />
            <Toggle
              name="Retention heat-map"
              checked={s.colourBy === 'retention'}
              onChange={(v) => updateSettings({ colourBy: v ? 'retention' : 'groups' })}
            />
          </fieldset>
          <fieldset>
            <legend>Display</legend>
            <Toggle name="Arrows" checked={s.arrows} onChange={(v) => updateSettings({ arrows: v })} />
            <Slider
              name="Label fade threshold"
              min={0.2}
              max={2}
              step={0.05}
              value={s.labelZoom}
              onChange={(v) => updateSettings({ labelZoom: v })}
            />
            <Toggle
              name="Node size by link count"
              checked={s.nodeSizeByLinks}
              onChange={(v) => updateSettings({ nodeSizeByLinks: v })}
            />
            <Slider
              name="Link thickness"
              min={0.3}
              max={4}
              step={0.1}
              value={s.linkThickness}
              onChange={(v) => updateSettings({ linkThickness: v })}
            />
          </fieldset>
          <fieldset>
            <legend>Forces</legend>
            <Slider name="Centre force" min={0} max={1} step={0.05} value={f.centre} onChange={setForce('centre')} />
            <Slider name="Repel force" min={1} max={20} step={0.5} value={f.repel} onChange={setForce('repel')} />
            <Slider
              name="Link force"
              min={0.05}
              max={1}
              step={0.05}
              value={f.linkForce}
              onChange={setForce('linkForce')}
            />
            <Slider
              name="Link distance"
              min={30}
              max={400}
              step={5}
              value={f.linkDistance}
              onChange={setForce('linkDistance')}
            />
            <button type="button" className="small" onClick={() => updateSettings({ forces: DEFAULT_FORCES })}>
              Reset forces
            </button>
          </fieldset>
        </div>
      ) : null}
    </fieldset>
  );
}
