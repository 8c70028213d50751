/**
 * The one grammar of Obsidian-flavoured markdown (runtime-neutral: no `node:` imports, no fs; the renderer imports
 * it). Every consumer — the index (electron/core/parse), the reading view, the editor, rename, unlinked-mention
 * linking, the panes and the CLI — reads markdown through these exports; nothing else parses `[[ ]]`, `#tags`,
 * `^ids`, `%% %%`, callouts or frontmatter. The mdast it produces: nodes.ts.
 */
export type { BlockIdHit } from './blocks.ts';
export { blockIdOf } from './blocks.ts';
export type { CutComments } from './comments.ts';
export { cutComments, findComments, mayHaveComments, stripComments } from './comments.ts';
export { remarkWikiEmbed } from './embed.ts';
export type { FrontmatterBlock, FrontmatterFacts } from './frontmatter.ts';
export { findFrontmatter, parseFrontmatter, toJson, wikiLinksInProperties, YAML_OPTIONS } from './frontmatter.ts';
export type { Callout, MdNode, MdPosition, WikiData } from './nodes.ts';
export type { ObsidianOptions, PreparedSource } from './processor.ts';
export { frontmatterOf, needsGfm, parseBody, parseObsidian, prepareSource, remarkObsidian } from './processor.ts';
export { inlineFootnoteFromMarkdown, inlineFootnoteSyntax, MAX_NOTE_DEPTH } from './inline-footnotes.ts';
export { taskStatusFromMarkdown, taskStatusSyntax, toggledTaskStatus } from './tasks.ts';
export type { TagSpan } from './tags.ts';
export { cleanTag, isTagBoundary, scanTags, TAG_BODY } from './tags.ts';
export {
  CALLOUT_CLASS,
  CALLOUT_TITLE_CLASS,
  EMBED_CLASS,
  obsidianTransform,
  TAG_CLASS,
  WIKILINK_CLASS,
} from './transforms.ts';
export type { LinkParts } from './wiki-target.ts';
export {
  embedSize,
  headingPathOf,
  splitMarkdownUrl,
  splitWiki,
  wikiData,
  wikiInner,
  wikiLabel,
} from './wiki-target.ts';
export type { CompletionContext, Span } from './spans.ts';
export {
  completionContext,
  findSpans,
  LINK_AT_WHOLE_TEXT,
  linkAt,
  SPAN_WINDOW,
  spansIn,
  windowAround,
} from './spans.ts';
export type { MarkdownDestination } from './rewrite.ts';
export {
  encodeDestinationFull,
  encodeDestinationMinimal,
  makeWikiLink,
  markdownDestination,
  rewriteMarkdownDestination,
  rewriteWikiTarget,
  wikiTargetRange,
  wikiTargetWritten,
} from './rewrite.ts';
export type { LinkedText, MentionTerm, ProseMask, TermMatch } from './mentions.ts';
export { linkMentions, matchTerms, NON_PROSE, proseMask, scanBareUrls } from './mentions.ts';
export type { CardFact, CardKind, CardOptions } from './cards.ts';
export { cardId, DEFAULT_CARD_TAGS, noteHasCards, parseCards } from './cards.ts';
export type { FormatMark, Preview, PreviewBlock } from './preview.ts';
export { previewIn } from './preview.ts';
