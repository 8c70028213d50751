/**
 * The editing mode of an editor tab: Live Preview (formatting hidden off the cursor line) or Source mode (the markdown
 * as written), as in Obsidian:
 *
 * - the vault's setting "Default editing mode" (`defaultEditingMode` in `.atlas/settings.json`, the Settings dialog)
 *   decides the mode of every tab that was not switched by hand, and a change of it applies to those tabs at once;
 * - "Toggle Live Preview/Source mode" switches the current tab only: its choice is kept in the note's EditorState
 *   ({@link tabSourceMode}) and, by the pane, across navigation (components/Editor.tsx).
 *
 * Migration: before round 4 the mode was one app-wide switch in localStorage (`atlas.sourceMode` = '1' for Source
 * mode). The first vault whose settings are read afterwards takes it over as its default (when its own setting is
 * still Live Preview) and the localStorage key is removed, so it is migrated once.
 */
import { type EditorState, StateEffect, StateField } from '@codemirror/state';
import { settingsState, subscribeSettings, updateSettings } from '../settings/store.ts';

/** Sets the tab's own mode: true Source mode, false Live Preview. */
export const setTabSourceMode = StateEffect.define<boolean>();

/** The tab's own mode (true Source, false Live Preview) or null: it follows the vault's default editing mode. */
export const tabSourceMode = StateField.define<boolean | null>({
  create: () => null,
  update(value, tr) {
    for (const e of tr.effects) if (e.is(setTabSourceMode)) value = e.value;
    return value;
  },
});

/** Whether the vault's default editing mode is Source mode (Live Preview before the settings are read). */
export function defaultIsSource(): boolean {
  return settingsState().values.defaultEditingMode === 'source';
}

/** True when `state` (a note's editor) shows Source mode, false in Live Preview. */
export function isSourceMode(state: EditorState): boolean {
  return state.field(tabSourceMode, false) ?? defaultIsSource();
}

/** Calls `listener` when the vault's default editing mode changes; returns the unsubscribe function. */
export function onDefaultModeChange(listener: () => void): () => void {
  let last = defaultIsSource();
  return subscribeSettings(() => {
    const now = defaultIsSource();
    if (now === last) return;
    last = now;
    listener();
  });
}

export const LEGACY_KEY = 'atlas.sourceMode';

/** Moves the old localStorage switch into the vault's settings once (see the module comment). Idempotent. */
export function migrateLegacySourceMode(): void {
  let legacy: string | null;
  try {
    legacy = localStorage.getItem(LEGACY_KEY);
  } catch {
    return; // storage unavailable: nothing to migrate
  }
  if (legacy === null) return;
  let done = false;
  const check = () => {
    const s = settingsState();
    if (done || !s.loaded) return;
    done = true;
    stop();
    const forget = () => {
      try {
        localStorage.removeItem(LEGACY_KEY);
      } catch {
        // storage went away: the key stays, and taking it over again changes nothing
      }
    };
    // a refused write keeps the key, so the next start tries again
    if (legacy === '1' && s.values.defaultEditingMode === 'live-preview')
      updateSettings({ defaultEditingMode: 'source' }).then(forget, () => undefined);
    else forget();
  };
  const stop = subscribeSettings(check);
  check();
}
