/**
 * Settings (#12): the command "Open settings" (Ctrl/Cmd+,), the dialog's host (mounted once in
 * shell/DialogsHost.tsx), and the live application of the appearance settings to the page. Problems met reading
 * `.atlas/settings.json` are shown once as an alert.
 */
import { useSyncExternalStore } from 'react';
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

// Appearance follows the settings from the first answer on; problems are reported once.
let reported = false;
subscribeSettings(() => {
  const s = settingsState();
  applyAppearance(s.values);
  if (s.loaded && !reported && s.problems.length) {
    reported = true;
    for (const p of s.problems) appContext()?.showError(new Error(p));
  }
});

/** Renders the Settings dialog while it is open. */
export function SettingsHost() {
  const isOpen = useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => open,
  );
  return isOpen ? <SettingsDialog onClose={() => setOpen(false)} /> : null;
}
