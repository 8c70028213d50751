/**
 * The review engine's view of the vault's cards for one index version: by id, by note (in note-and-line order), and
 * each card's *concepts* (the prerequisite-graph nodes a review of it is about). A card's concepts are its note; for
 * a card in a `type: quiz` note, the notes linked on the card's own lines (`line`..`endLine`, plain links), else the
 * quiz note's `concepts` property links, else the quiz note itself. Built in one pass over the cards and the graph's
 * links (linear).
 */
import type { CardFact } from '../markdown/cards.ts';
import type { LearningGraph } from '../learning/graph.ts';

export interface CardIndex {
  /** The index version the cards were read at. */
  version: number;
  cards: CardFact[];
  byId: Map<string, CardFact>;
  byNote: Map<string, CardFact[]>;
  /** Positions in `cards` per note path, by line. */
  atNote: Map<string, number[]>;
  /** Concept node ids per card id. */
  concepts: Map<string, number[]>;
  graph: LearningGraph;
}

/** Indexes `cards` (in note-and-line order, as `VaultQuery.cards()` gives them) against the learning graph. */
export function indexCards(cards: CardFact[], graph: LearningGraph, version: number): CardIndex {
  const byId = new Map<string, CardFact>();
  const byNote = new Map<string, CardFact[]>();
  const atNote = new Map<string, number[]>();
  for (let i = 0; i < cards.length; i++) {
    const c = cards[i];
    byId.set(c.id, c);
    let list = byNote.get(c.note);
    if (!list) {
      list = [];
      byNote.set(c.note, list);
      atNote.set(c.note, []);
    }
    list.push(c);
    atNote.get(c.note)?.push(i);
  }
  const concepts = new Map<string, number[]>();
  const linksOf = new Map<number, typeof graph.links>();
  for (const l of graph.links) {
    if (l.target < 0) continue;
    let list = linksOf.get(l.source);
    if (!list) {
      list = [];
      linksOf.set(l.source, list);
    }
    list.push(l);
  }
  for (const c of cards) {
    const id = graph.ids.get(c.note);
    if (id === undefined) {
      concepts.set(c.id, []);
      continue;
    }
    if (graph.nodes[id].type !== 'quiz') {
      concepts.set(c.id, [id]);
      continue;
    }
    const links = linksOf.get(id) ?? [];
    let ids = links.filter((l) => l.line >= c.line && l.line <= c.endLine && l.relation === null).map((l) => l.target);
    if (ids.length === 0) ids = links.filter((l) => l.relation?.toLowerCase() === 'concepts').map((l) => l.target);
    concepts.set(c.id, ids.length ? [...new Set(ids)] : [id]);
  }
  return { version, cards, byId, byNote, atNote, concepts, graph };
}
