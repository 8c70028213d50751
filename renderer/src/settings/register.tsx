/**
 * Settings (#12): the command "Open settings" (Ctrl/Cmd+,), the dialog's host (mounted once in
 * shell/DialogsHost.tsx), and the live application of the appearance settings to the page. Problems met reading
 * `.atlas/settings.json` are shown once as an alert.
 */
import { useEffect, useSyncExternalStore } from 'react';
import { appContext, registerCommand } from '../commands/registry.ts';
import { applyAppearance } from './appearance.ts';
import { SettingsDialog } from './SettingsDialog.tsx';
import { settingsState, subscribeSettings } from './store.ts';

let open = false;
const listeners = new Set<() => void>();
function setOpen(v: boolean): void {
  open = v;
  for (const l of listeners) l();
}

/** Opens the Settings dialog. */
export function openSettings(): void {
  setOpen(true);
}

registerCommand({ id: 'app:settings', name: 'Open settings', shortcut: 'Mod+,', run: () => openSettings() });

// Appearance follows the settings from the first answer on; problems are reported once, as soon as both the answer
// and the app (its alerts) are there: the settings may arrive before the first render (main.tsx waits for the index
// status) or after it.
let reported = false;
function reportProblems(): void {
  const s = settingsState();
  const app = appContext();
  if (reported || !s.loaded || !s.problems.length || !app) return;
  reported = true;
  for (const p of s.problems) app.showError(new Error(p));
}
subscribeSettings(() => {
  applyAppearance(settingsState().values);
  reportProblems();
});

/** Renders the Settings dialog while it is open. */
export function SettingsHost() {
  // mounted once, inside App (which has set the app context by then)
  useEffect(reportProblems, []);
  const isOpen = useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => open,
  );
  return isOpen ? <SettingsDialog onClose={() => setOpen(false)} /> : null;
}
