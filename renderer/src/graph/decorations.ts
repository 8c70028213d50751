/**
 * The classes a graph view puts on its elements: filters (`filtered`), the learning overlay and the current note
 * (`current`, `neighbour`, `current-edge`, `learned`/`learning`, `plan`, `plan-edge`, plan step numbers in the
 * label) and a highlighted chain (`path-node`, `path-edge`, `path-faded`). Each is one batch.
 */
import type cytoscape from 'cytoscape';
import type { LearningOverlay } from '../learning/types.ts';
import { hopKey, hopKeys, type PathHighlight } from './path-highlight.ts';

/** Sets `filtered` on exactly the nodes in `hidden` (touching only the nodes that change). */
export function applyFiltered(cy: cytoscape.Core, hidden: Set<string>): void {
  cy.batch(() => {
    cy.nodes().forEach((n) => {
      const h = hidden.has(n.id());
      if (h !== n.hasClass('filtered')) n.toggleClass('filtered', h);
    });
  });
}

/** `applyFiltered` for just the nodes `ids` (after a graph delta: only they can have changed). */
export function applyFilteredTo(cy: cytoscape.Core, hidden: Set<string>, ids: readonly string[]): void {
  cy.batch(() => {
    for (const id of ids) {
      const n = cy.getElementById(id);
      if (n.empty()) continue;
      const h = hidden.has(id);
      if (h !== n.hasClass('filtered')) n.toggleClass('filtered', h);
    }
  });
}

/**
 * `decorate` for just the nodes `ids` and their edges, after a graph delta changed only them (the overlay and the
 * current note are those of the last full `decorate`): progress, plan step and number, plan edges, current note and
 * neighbours. Cost: the nodes' own edges, no pass over the graph.
 */
export function decorateNodes(
  cy: cytoscape.Core,
  overlay: LearningOverlay,
  current: string | null,
  numbered: { current: string[] },
  ids: readonly string[],
): void {
  const { plan, progress } = overlay;
  const step = new Map(plan?.steps.map((s, i) => [s.path, i]) ?? []);
  const cur = current ? cy.getElementById(current) : null;
  cy.batch(() => {
    for (const id of ids) {
      const n = cy.getElementById(id);
      if (n.empty()) continue;
      n.removeClass('learned learning');
      const state = progress[id];
      if (state) n.addClass(state);
      const i = step.get(id);
      n.toggleClass('plan', i !== undefined);
      if (i !== undefined) {
        n.data('display', `${i + 1}. ${n.data('label')}`);
        if (!numbered.current.includes(id)) numbered.current.push(id);
      }
      n.connectedEdges('[?prereq]').forEach((e) => {
        e.toggleClass('plan-edge', step.has(e.source().id()) && step.has(e.target().id()));
      });
      if (cur?.nonempty()) {
        n.toggleClass('current', id === current);
        n.toggleClass('neighbour', id !== current && n.edgesWith(cur).nonempty());
      }
    }
    if (cur?.nonempty()) cur.connectedEdges().addClass('current-edge');
  });
}

/**
 * Draws the learning overlay and the current note. `numbered` holds the ids of the nodes whose label carries a plan
 * step number (only they get their plain label back); it is replaced by the newly numbered ones.
 */
export function decorate(
  cy: cytoscape.Core,
  overlay: LearningOverlay,
  current: string | null,
  numbered: { current: string[] },
): void {
  const { plan, progress } = overlay;
  cy.batch(() => {
    cy.elements('.current, .neighbour, .current-edge, .learned, .learning, .plan, .plan-edge').removeClass(
      'current neighbour current-edge learned learning plan plan-edge',
    );
    for (const [path, state] of Object.entries(progress)) cy.getElementById(path).addClass(state);
    // Only the nodes numbered by the last plan get their plain label back (no pass over the whole graph).
    for (const id of numbered.current) {
      const n = cy.getElementById(id);
      if (n.nonempty()) n.data('display', n.data('label'));
    }
    numbered.current = [];
    if (plan) {
      const steps = plan.steps.map((s) => s.path);
      const inPlan = new Set(steps);
      steps.forEach((path, i) => {
        const n = cy.getElementById(path);
        if (n.empty()) return;
        n.addClass('plan');
        n.data('display', `${i + 1}. ${n.data('label')}`);
        numbered.current.push(path);
      });
      cy.edges('[?prereq]').forEach((e) => {
        if (inPlan.has(e.source().id()) && inPlan.has(e.target().id())) e.addClass('plan-edge');
      });
    }
    if (current) {
      const n = cy.getElementById(current);
      n.addClass('current');
      n.neighborhood('node').addClass('neighbour');
      n.connectedEdges().addClass('current-edge');
    }
  });
}

/**
 * The highlighted chain `h`: its nodes `path-node`, the edges between consecutive nodes `path-edge`, everything else
 * `path-faded`; with `h` null the classes are removed.
 */
export function markChain(cy: cytoscape.Core, h: PathHighlight | null | undefined): void {
  const ids = new Set(h?.nodes ?? []);
  const hops = hopKeys(h?.nodes ?? []);
  cy.batch(() => {
    cy.elements('.path-node, .path-edge, .path-faded').removeClass('path-node path-edge path-faded');
    if (!h) return;
    cy.nodes().forEach((n) => {
      n.addClass(ids.has(n.id()) ? 'path-node' : 'path-faded');
    });
    cy.edges().forEach((e) => {
      e.addClass(hops.has(hopKey(e.source().id(), e.target().id())) ? 'path-edge' : 'path-faded');
    });
  });
}
