/**
 * The facts Concept Atlas extracts from one markdown note, before resolution.
 *
 * Produced by `parseNote` (electron/core/parse), consumed by the resolver and the SQLite store.
 * All line numbers are 1-based lines of the whole file (frontmatter lines count).
 * All paths are vault-relative, with `/` separators, NFC-normalised.
 */

import type { LinkKind } from './link.ts';

/** One link as written in a note, not yet resolved to a file. */
export interface LinkFact {
  kind: LinkKind;
  /** The link exactly as written, e.g. `[[GMP model#P|the P]]`, `![[diagram.png]]`, `[text](other%20note.md)`. */
  raw: string;
  /** Target file or note name without heading/block, e.g. `GMP model`, `b/Note`, `diagram.png`; `%xx` decoded. May be '' for a same-note link like `[[#Heading]]`. */
  target: string;
  /** Heading part after `#`, or null. For nested `#A#B` the last part. */
  heading: string | null;
  /** Block id after `#^`, or null. */
  block: string | null;
  /** Display text after `|` (wiki) or the link text (markdown), or null. */
  alias: string | null;
  /** 1-based line in the file. */
  line: number;
  /** The full text of that line (trimmed), used as backlink context. */
  context: string;
  /** For `property` links: the frontmatter key (e.g. `prerequisites`); for inline fields `key:: [[x]]` also the key. Otherwise null. */
  relation: string | null;
}

export interface HeadingFact {
  /** 1–6 */
  level: number;
  text: string;
  /** 1-based line in the file. */
  line: number;
}

export interface BlockFact {
  /** Block id without `^`. */
  id: string;
  /** 1-based line where the block id stands. */
  line: number;
}

/** A problem found while reading or parsing a file; the note is still indexed when possible. */
export interface ProblemFact {
  /** Machine-readable kind, e.g. `frontmatter`, `encoding`, `too-large`, `unreadable`, `binary`. */
  kind: string;
  message: string;
  /** 1-based line, when known. */
  line?: number;
}

/** Everything parsed from one note. */
export interface ParsedNote {
  /** Vault-relative path, e.g. `runtime/GMP model.md`. */
  path: string;
  /** File name without `.md`. */
  title: string;
  aliases: string[];
  /** Tags without `#`, from the `tags`/`tag` property and inline, de-duplicated, original case kept. */
  tags: string[];
  headings: HeadingFact[];
  blocks: BlockFact[];
  /** Every frontmatter property except aliases/alias/tags/tag, as parsed YAML (JSON-compatible). */
  properties: Record<string, unknown>;
  links: LinkFact[];
  /** Body text without frontmatter, for full-text search and unlinked mentions. */
  body: string;
  /**
   * The frontmatter's YAML as written, between the `---` lines ('' when there is none): searched as text, as Obsidian's
   * search matches the whole file (`author: "[[Kevin Kelly]]"` is found by `kevin`). Its line N (0-based) is file line
   * N + 2. Never used for unlinked mentions.
   */
  frontmatter: string;
  /**
   * The file's text with frontmatter, code (fenced, indented, inline), comments (`%% %%`, `<!-- -->`), links and
   * embeds replaced by spaces, so that line N of it is file line N. Used for unlinked mentions.
   */
  mentionText: string;
  /** Latin-script words and CJK characters in the body, for reading-time estimates. */
  words: number;
  cjkChars: number;
  /** Number of lines the frontmatter block occupies (0 when none); body line N is file line N + frontmatterLines. */
  frontmatterLines: number;
  problems: ProblemFact[];
}
