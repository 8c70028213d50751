/**
 * What Live Preview's decorations and its rendered blocks share (live-preview.ts, live-preview-blocks.ts): the
 * effect that asks for the decorations again, and which lines hold a cursor or selection (there, source is shown).
 */
import { type EditorState, StateEffect } from '@codemirror/state';

/** Re-computes the decorations (the default mode changed, or an idle re-parse). */
export const refresh = StateEffect.define<null>();
/** Line numbers holding a cursor or part of a selection. */
export function activeLines(state: EditorState): Set<number> {
  const out = new Set<number>();
  for (const r of state.selection.ranges) {
    const a = state.doc.lineAt(r.from).number;
    const b = state.doc.lineAt(r.to).number;
    for (let n = a; n <= b && n - a < 10_000; n++) out.add(n);
  }
  return out;
}

export function touches(state: EditorState, active: Set<number>, from: number, to: number): boolean {
  const a = state.doc.lineAt(from).number;
  const b = state.doc.lineAt(Math.max(from, to)).number;
  for (let n = a; n <= b; n++) if (active.has(n)) return true;
  return false;
}
