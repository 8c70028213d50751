/**
 * The tab strip of a pane ("Open notes"): one tab per note or view, the active one selected, an unsaved-edits mark,
 * middle-click or × closes. In a narrow window the strip scrolls sideways and keeps the active tab in view.
 */
import { useEffect, useRef } from 'react';

export interface TabStripProps {
  /** Tab ids: note paths or view tab ids (workspace/view-tab.ts). */
  tabs: readonly string[];
  active: string | null;
  /** Tabs with unsaved edits. */
  dirty: ReadonlySet<string>;
  title(id: string): string;
  /** The tooltip of a tab (a note's path). */
  tooltip(id: string): string;
  onActivate(id: string): void;
  onClose(id: string): void;
}

export function TabStrip({ tabs, active, dirty, title, tooltip, onActivate, onClose }: TabStripProps) {
  const strip = useRef<HTMLDivElement>(null);
  // Keep the active tab in view (it was cut off at 1280 px); a change of the tabs is a reason to look again. Keyed
  // by the list's content, not its identity (a new array on every render of the app): `scrollIntoView` forces a
  // layout, which each keystroke in a 1 MB note paid for.
  const tabsKey = tabs.join('\u0000');
  useEffect(() => {
    void tabsKey;
    if (active === null) return;
    strip.current
      ?.querySelector('[role="tab"][aria-selected="true"]')
      ?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  }, [active, tabsKey]);
  return (
    <div role="tablist" aria-label="Open notes" className="tabs" ref={strip}>
      {tabs.map((id) => (
        <div key={id} className={`tab${id === active ? ' active' : ''}`}>
          <button
            type="button"
            role="tab"
            aria-selected={id === active}
            title={tooltip(id)}
            onClick={() => onActivate(id)}
            onAuxClick={(e) => {
              if (e.button === 1) onClose(id);
            }}
          >
            {title(id)}
            {dirty.has(id) ? (
              <span className="dirty" role="img" aria-label="unsaved edits">
                {' '}
                ●
              </span>
            ) : null}
          </button>
          <button type="button" className="tab-close" aria-label={`Close ${title(id)}`} onClick={() => onClose(id)}>
            ×
          </button>
        </div>
      ))}
    </div>
  );
}
