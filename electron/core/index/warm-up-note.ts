import type { ParsedNote } from '../model.ts';

/**
 * The note `warmUpWrites` writes and rolls back in idle time to prepare the write statements: a literal, so that
 * this thread never loads the parser for it (the parse workers parse; see parse-pool.ts).
 */
export const WARM_UP_NOTE: ParsedNote = {
  path: '.atlas-warm-up.md',
  title: '.atlas-warm-up',
  aliases: ['warm-up'],
  tags: ['warm/up'],
  headings: [{ level: 1, text: 'Warm up', line: 1 }],
  blocks: [{ id: 'blk', line: 3 }],
  properties: { level: 1 },
  links: [],
  body: '# Warm up\n\nText with [[a]]. ^blk\n',
  frontmatter: '',
  mentionText: '# Warm up\n\nText with      . ^blk\n',
  words: 5,
  cjkChars: 0,
  frontmatterLines: 0,
  problems: [],
};
