/**
 * A graph view's keyboard handler: arrows move the focus (`kbd-focus`) between linked notes (keyboard.ts), Home goes
 * to the current note, Enter opens the focused note, Escape clears the focus. The focused note is announced.
 */
import type cytoscape from 'cytoscape';
import type { GraphNodeRef } from './canvas-props.ts';
import { isArrow, neighbourInDirection } from './keyboard.ts';

export interface KeyContext {
  /** Id of the focused node (kept by the view). */
  focusId: { current: string | null };
  currentPath: string | null;
  /** The text announced for the focused node ('' when none). */
  setFocusLabel(label: string): void;
  onOpen(node: GraphNodeRef): void;
}

/** Handles one key press on the graph canvas. */
export function handleGraphKey(cy: cytoscape.Core, e: React.KeyboardEvent, k: KeyContext): void {
  const focused = k.focusId.current ? cy.getElementById(k.focusId.current) : null;
  const setFocus = (n: cytoscape.NodeSingular) => {
    cy.nodes('.kbd-focus').removeClass('kbd-focus');
    n.addClass('kbd-focus');
    k.focusId.current = n.id();
    const links = n.connectedEdges().length;
    k.setFocusLabel(`${n.data('label')}, ${links} link${links === 1 ? '' : 's'}`);
    const r = n.renderedPosition();
    if (r.x < 0 || r.y < 0 || r.x > cy.width() || r.y > cy.height()) cy.center(n);
  };
  if (isArrow(e.key) || e.key === 'Home') {
    e.preventDefault();
    if (!focused || focused.empty() || e.key === 'Home') {
      const start = k.currentPath ? cy.getElementById(k.currentPath) : cy.collection();
      const n = start.nonempty() ? start : cy.nodes(':visible').first();
      if (n.nonempty()) setFocus(n as cytoscape.NodeSingular);
      return;
    }
    const next = neighbourInDirection(focused as cytoscape.NodeSingular, e.key);
    if (next) setFocus(next);
  } else if (e.key === 'Enter' && focused?.nonempty()) {
    e.preventDefault();
    k.onOpen({
      id: focused.id(),
      kind: focused.data('kind') as string,
      label: focused.data('label') as string,
    });
  } else if (e.key === 'Escape') {
    cy.nodes('.kbd-focus').removeClass('kbd-focus');
    k.focusId.current = null;
    k.setFocusLabel('');
  }
}
