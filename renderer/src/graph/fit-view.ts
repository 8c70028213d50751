/**
 * Fitting a graph view: to the shown elements within readable zooms (or centring on the current note), and to a
 * highlighted chain of notes.
 */
import type cytoscape from 'cytoscape';
import type { GraphCanvasProps } from './canvas-props.ts';
import { fitAround } from './screen-labels.ts';

/**
 * Fits the shown elements (or, with `first` false and no `refitOnCurrent`, centres on the current note), within
 * readable zooms. Returns true when the view was fitted, false when it could not be (hidden, zero width), null when
 * nothing changed the fitted state (no shown elements, or only centred).
 */
export function fitView(cy: cytoscape.Core, p: GraphCanvasProps, first: boolean): boolean | null {
  if (!p.active) return false;
  cy.resize();
  if (cy.width() === 0) return false;
  const shown = cy.elements(':visible');
  if (shown.empty()) return null;
  const cur = p.currentPath ? cy.getElementById(p.currentPath) : null;
  if (first || p.refitOnCurrent) {
    cy.fit(shown, 24);
    const maxZoom = p.mode === 'map' ? 1.3 : 1.5;
    if (cy.zoom() > maxZoom) {
      cy.zoom(maxZoom);
      cy.center(shown);
    }
    if (p.screenLabels && cur?.nonempty() && cur.visible()) fitAround(cy, shown.nodes(), cur, 16, maxZoom);
    if (p.minFitZoom && cy.zoom() < p.minFitZoom) {
      cy.zoom(p.minFitZoom);
      if (cur?.nonempty() && cur.visible()) cy.center(cur);
      else
        cy.center(
          shown
            .nodes()
            .sort((a, b) => (a as cytoscape.NodeSingular).position().y - (b as cytoscape.NodeSingular).position().y)
            .slice(0, 6),
        );
    }
    return true;
  }
  if (cur?.nonempty() && cur.visible()) cy.center(cur);
  return null;
}

/** Fits the view to the highlighted chain (`path-node`, `path-edge`), at most at zoom 1.5. */
export function fitToChain(cy: cytoscape.Core): void {
  const on = cy.elements('.path-node, .path-edge');
  if (on.empty()) return;
  cy.resize();
  cy.fit(on, 60);
  if (cy.zoom() > 1.5) {
    cy.zoom(1.5);
    cy.center(on);
  }
}
