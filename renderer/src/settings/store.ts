/**
 * The vault's settings in the renderer: one store read with `useSyncExternalStore`, loaded from `api.settings()` on
 * first use and kept current by the `settings-changed` event (a change made in another window shows here too).
 * Changes go through `updateSettings`, which the service validates, writes to `.atlas/settings.json` and applies.
 * Before the first answer the defaults are used (`loaded` false), so nothing waits on it.
 */
import { useSyncExternalStore } from 'react';
import { DEFAULT_SETTINGS, type VaultSettings } from '../../../electron/shared/settings.ts';
import { api, on } from '../client.ts';

export interface SettingsState {
  values: VaultSettings;
  /** Whether the vault's settings have been read (false: the defaults, for now). */
  loaded: boolean;
  /** What was wrong with the file when it was read (see `SettingsSnapshot.problems`). */
  problems: readonly string[];
}

let state: SettingsState = { values: DEFAULT_SETTINGS, loaded: false, problems: [] };
const listeners = new Set<() => void>();
let started = false;

function set(next: Partial<SettingsState>): void {
  state = { ...state, ...next };
  for (const l of listeners) l();
}

/** Starts loading and listening (idempotent). */
export function startSettings(): void {
  if (started) return;
  started = true;
  on('settings-changed', (values) => set({ values, loaded: true }));
  api.settings().then(
    (s) => set({ values: s.values, problems: s.problems, loaded: true }),
    (e: unknown) => set({ loaded: true, problems: [`Could not read the settings: ${(e as Error).message ?? e}`] }),
  );
}

export function subscribeSettings(l: () => void): () => void {
  startSettings();
  listeners.add(l);
  return () => listeners.delete(l);
}

export function settingsState(): SettingsState {
  return state;
}

/** The settings once the vault's have been read (at once when they have; the defaults if reading failed). */
export function whenSettingsLoaded(): Promise<VaultSettings> {
  if (state.loaded) return Promise.resolve(state.values);
  return new Promise((resolve) => {
    const off = subscribeSettings(() => {
      if (!state.loaded) return;
      off();
      resolve(state.values);
    });
  });
}

/** The current settings, re-rendering on change. */
export function useSettings(): SettingsState {
  return useSyncExternalStore(subscribeSettings, settingsState);
}

/**
 * Changes settings: shown at once (a checkbox flips on click), then validated and stored by the service, whose answer
 * replaces them; when it refuses (`invalid-argument`) the previous values come back and the promise rejects.
 */
export async function updateSettings(patch: Partial<VaultSettings>): Promise<void> {
  const before = state.values;
  set({ values: { ...before, ...patch } });
  try {
    const s = await api.updateSettings(patch);
    set({ values: s.values, problems: s.problems, loaded: true });
  } catch (e) {
    if (state.values !== before) set({ values: { ...state.values, ...pick(before, Object.keys(patch)) } });
    throw e;
  }
}

function pick(v: VaultSettings, keys: string[]): Partial<VaultSettings> {
  return Object.fromEntries(keys.map((k) => [k, v[k as keyof VaultSettings]])) as Partial<VaultSettings>;
}
