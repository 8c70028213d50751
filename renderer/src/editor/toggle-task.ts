/**
 * Ticks or unticks the task on a line of the note being edited, as a click on a Reading view checkbox does in Obsidian:
 * the grammar finds the task's box (`previewAround`, the same reading Live Preview's checkbox uses), and the change is
 * an ordinary edit of the editor's document (undo, autosave and the conflict rules apply).
 */
import type { EditorView } from '@codemirror/view';
import { toggledTaskStatus } from '../../../electron/core/markdown/index.ts';
import { previewAround } from './preview-window.ts';

/**
 * Toggles the task that starts on 1-based `line` of `view`'s document, writing only the character between its
 * brackets, as Obsidian does (toggledTaskStatus): `[ ]` → `[x]`; `[x]`, `[X]` or a custom status (`[/]`, `[-]` …) →
 * `[ ]`. Returns false (nothing changed) when the line holds no task, or is past the end.
 */
export function toggleTaskAtLine(view: EditorView, line: number): boolean {
  const doc = view.state.doc;
  if (!Number.isInteger(line) || line < 1 || line > doc.lines) return false;
  const l = doc.line(line);
  const task = previewAround(doc, l.from, l.to).marks.find(
    (m) => m.kind === 'task' && m.box !== undefined && m.box >= l.from && m.box < l.to,
  );
  if (!task || task.box === undefined) return false;
  const ch = doc.sliceString(task.box, task.box + 1);
  view.dispatch({ changes: { from: task.box, to: task.box + 1, insert: toggledTaskStatus(ch) } });
  return true;
}
