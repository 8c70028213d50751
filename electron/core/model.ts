/**
 * The domain model of Concept Atlas: every type the core's layers exchange, in one runtime-neutral place (types only,
 * no runtime code, no imports from outside electron/core/model). The API contract (electron/shared/api.ts)
 * re-exports these types unchanged; the renderer may import them type-only.
 *
 * - model/link.ts     `LinkKind`, `ResolvedBy`
 * - model/note.ts     what the parser extracts from one note (`ParsedNote`, `LinkFact`, …)
 * - model/vault.ts    vault info, index status, file entries, note contents, write/rename results
 * - model/query.ts    note info, backlinks, outgoing links, mentions, tags, search hits, note/link records, export
 * - model/graph.ts    graph nodes, edges, filter
 * - model/check.ts    the `check` report
 * - model/learning.ts progress, plans, connections, next up, curated paths
 * - model/review.ts   flashcards, review schedule, grades, retention, practice sets
 */
export type * from './model/link.ts';
export type * from './model/note.ts';
export type * from './model/vault.ts';
export type * from './model/query.ts';
export type * from './model/graph.ts';
export type * from './model/check.ts';
export type * from './model/learning.ts';
export type * from './model/review.ts';
