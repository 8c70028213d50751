/** How links are written and how they resolve: the two enumerations every layer shares (defined once, here). */

/** How a link was written: `[[wiki]]`, `![[embed]]`, `[markdown](link.md)`, or a frontmatter `property: "[[x]]"`. */
export type LinkKind = 'wiki' | 'embed' | 'markdown' | 'property';

/**
 * Which resolution rule found a link's target (see electron/core/resolve/name-table.ts): an exact vault `path`, a
 * file in the source's own `folder`, the `shortest` matching path (Obsidian's rules), or a note's `alias` (beyond
 * Obsidian).
 */
export type ResolvedBy = 'path' | 'folder' | 'shortest' | 'alias';
