/**
 * Fitting a graph view: to the shown elements within readable zooms (or centring on the current note), and to a
 * highlighted chain of notes.
 */
import type cytoscape from 'cytoscape';
import type { GraphCanvasProps } from './canvas-props.ts';
import { fitAround } from './screen-labels.ts';

/**
 * Fits the shown elements (or, with `first` false and no `refitOnCurrent`, centres on the current note), within
 * readable zooms; the global graph (`keep`) is then centred on the current note, unless `whole` (the Fit button).
 * Returns true when the view was fitted, false when it could not be (hidden, zero width), null when
 * nothing changed the fitted state (no shown elements, or only centred).
 */
export function fitView(cy: cytoscape.Core, p: GraphCanvasProps, first: boolean, whole = false): boolean | null {
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
    else if (p.keep && !whole && cur?.nonempty() && cur.visible()) centreOn(cy, cur);
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
  if (cur?.nonempty() && cur.visible()) centreOn(cy, cur);
  return null;
}

/** Pans `cy` so that `node`'s centre is at the middle of the view (cy.center would centre its label's box too). */
function centreOn(cy: cytoscape.Core, node: cytoscape.NodeCollection): void {
  const p = (node[0] as cytoscape.NodeSingular).position();
  const z = cy.zoom();
  cy.pan({ x: cy.width() / 2 - p.x * z, y: cy.height() / 2 - p.y * z });
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

/**
 * `cy.resize()` after its container changed size, keeping what was at the view's centre there (Cytoscape keeps the
 * top-left corner), e.g. the current note the view was centred on. A view hidden before or after (zero size) only
 * resizes.
 */
export function resizeKeepingCentre(cy: cytoscape.Core): void {
  const w = cy.width();
  const h = cy.height();
  cy.resize();
  if (w > 0 && h > 0 && cy.width() > 0 && cy.height() > 0)
    cy.panBy({ x: (cy.width() - w) / 2, y: (cy.height() - h) / 2 });
}
