/**
 * The classes a graph view puts on its elements: filters (`filtered`), the learning overlay and the current note
 * (`current`, `neighbour`, `current-edge`, `learned`/`learning`, `plan`, `plan-edge`, plan step numbers in the
 * label) and a highlighted chain (`path-node`, `path-edge`, `path-faded`). Each is one batch; the overlay and current
 * note cost the elements they decorate (no pass over the graph), so a large vault's sync ends in a short task.
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
 * The ids of the elements that carry a decoration class (`current`, `neighbour`, `current-edge`, `learned`,
 * `learning`, `plan`, `plan-edge`), kept by `decorate` and `decorateNodes` so that taking the classes off again costs
 * those elements, not a selector pass over the graph.
 */
export interface Decorated {
  current: Set<string>;
}

const DECORATION_CLASSES = 'current neighbour current-edge learned learning plan plan-edge';

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
  marked: Decorated,
): void {
  const { plan, progress } = overlay;
  const step = new Map(plan?.steps.map((s, i) => [s.path, i]) ?? []);
  const cur = current ? cy.getElementById(current) : null;
  const mark = (el: { id(): string }) => marked.current.add(el.id());
  cy.batch(() => {
    for (const id of ids) {
      const n = cy.getElementById(id);
      if (n.empty()) continue;
      n.removeClass('learned learning');
      const state = progress[id];
      if (state) {
        n.addClass(state);
        mark(n);
      }
      const i = step.get(id);
      n.toggleClass('plan', i !== undefined);
      if (i !== undefined) {
        mark(n);
        n.data('display', `${i + 1}. ${n.data('label')}`);
        if (!numbered.current.includes(id)) numbered.current.push(id);
      }
      n.connectedEdges('[?prereq]').forEach((e) => {
        const inPlan = step.has(e.source().id()) && step.has(e.target().id());
        e.toggleClass('plan-edge', inPlan);
        if (inPlan) mark(e);
      });
      if (cur?.nonempty()) {
        const neighbour = id !== current && n.edgesWith(cur).nonempty();
        n.toggleClass('current', id === current);
        n.toggleClass('neighbour', neighbour);
        if (id === current || neighbour) mark(n);
      }
    }
    if (cur?.nonempty())
      cur.connectedEdges().forEach((e) => {
        e.addClass('current-edge');
        mark(e);
      });
  });
}

/**
 * Draws the learning overlay and the current note. `numbered` holds the ids of the nodes whose label carries a plan
 * step number (only they get their plain label back); it is replaced by the newly numbered ones. `marked` holds the
 * elements decorated before (their classes are taken off) and is replaced by those decorated now. Cost: the elements
 * decorated before and now, the plan's nodes and their edges, the current note's edges; no pass over the graph.
 */
export function decorate(
  cy: cytoscape.Core,
  overlay: LearningOverlay,
  current: string | null,
  numbered: { current: string[] },
  marked: Decorated,
): void {
  const { plan, progress } = overlay;
  const now = new Set<string>();
  const mark = (el: { id(): string }) => now.add(el.id());
  cy.batch(() => {
    for (const id of marked.current) {
      const el = cy.getElementById(id);
      if (el.nonempty()) el.removeClass(DECORATION_CLASSES);
    }
    for (const [path, state] of Object.entries(progress)) {
      const n = cy.getElementById(path);
      if (n.empty()) continue;
      n.addClass(state);
      mark(n);
    }
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
        mark(n);
        n.data('display', `${i + 1}. ${n.data('label')}`);
        numbered.current.push(path);
        // each plan edge is found from its source's side (a prerequisite link between two steps)
        n.connectedEdges('[?prereq]').forEach((e) => {
          if (e.source().id() === path && inPlan.has(e.target().id())) {
            e.addClass('plan-edge');
            mark(e);
          }
        });
      });
    }
    if (current) {
      const n = cy.getElementById(current);
      if (n.nonempty()) {
        n.addClass('current');
        mark(n);
        n.neighborhood('node').forEach((m) => {
          m.addClass('neighbour');
          mark(m);
        });
        n.connectedEdges().forEach((e) => {
          e.addClass('current-edge');
          mark(e);
        });
      }
    }
  });
  marked.current = now;
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
