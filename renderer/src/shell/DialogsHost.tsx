/**
 * The app's overlays: the command palette and the quick switcher (one at a time), and the error alerts. Mount a new
 * app-wide dialog here.
 */
import type { AlertsState } from './alerts.ts';
import { Alerts } from '../components/Alerts.tsx';
import { CommandPalette } from '../palette/CommandPalette.tsx';
import { QuickSwitcher, type SwitcherNote } from '../palette/QuickSwitcher.tsx';
import { useSearchNotes } from '../palette/search-client.ts';
import { SettingsHost } from '../settings/register.tsx';
import { OpenVaultHost } from '../vaults/register.tsx';

export type Picker = 'palette' | 'switcher' | null;

export interface DialogsHostProps {
  picker: Picker;
  onClosePicker(): void;
  switcherNotes: SwitcherNote[];
  /** Recently opened notes, newest first (the quick switcher lists them before typing). */
  recent: string[];
  openNote(path: string, opts?: { newTab?: boolean }): void;
  /** Creates a note named `name` (`.md` appended when missing) and opens it. */
  createNote(name: string): void;
  alerts: AlertsState;
}

export function DialogsHost(p: DialogsHostProps) {
  // the note search of the quick switcher and `[[` completion (a worker) gets the notes, and prepares its targets,
  // before either is used
  useSearchNotes(p.switcherNotes);
  return (
    <>
      {p.picker === 'palette' ? <CommandPalette onClose={p.onClosePicker} /> : null}
      {p.picker === 'switcher' ? (
        <QuickSwitcher
          notes={p.switcherNotes}
          recent={p.recent}
          onClose={p.onClosePicker}
          onOpen={(path, newTab) => p.openNote(path, { newTab })}
          onCreate={p.createNote}
        />
      ) : null}
      <SettingsHost />
      <OpenVaultHost />
      <Alerts alerts={p.alerts.alerts} onDismiss={p.alerts.dismiss} />
    </>
  );
}
