/**
 * The markdown processors, built once per thread and reused for every note: unified + remark-parse +
 * remark-wiki-link (`aliasDivider: '|'`) + an embed extension of our own, with or without remark-gfm.
 *
 * remark-gfm roughly halves the speed of a parse, and for the facts we extract it only matters in tables (an
 * unescaped `|` splits a cell, so `[[a|b]]` in a table is no link) and footnotes (`[^1]: …` is otherwise a link
 * definition). So the GFM processor runs only for notes that hold a table delimiter row or `[^` (see needsGfm).
 *
 * remark-frontmatter is not used: the frontmatter is cut off before the parse (it may close with `...`, which
 * remark-frontmatter does not know), so the processor only ever sees the body.
 */
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import wikiLinkPlugin from 'remark-wiki-link';

/** The mdast nodes the walk reads (a structural subset of `mdast`, plus `wikiLink` and `wikiEmbed`). */
export interface MdNode {
  type: string;
  position?: { start: { line: number; column: number; offset?: number }; end: { line: number; column: number; offset?: number } };
  children?: MdNode[];
  value?: string | null;
  url?: string;
  alt?: string | null;
  depth?: number;
  identifier?: string;
  data?: { alias?: string | null };
}

// micromark character codes
const EXCLAMATION = 33;
const LEFT_BRACKET = 91;
const RIGHT_BRACKET = 93;
const VERTICAL_BAR = 124;

type Code = number | null;
type State = (code: Code) => State | undefined;
interface Effects { enter(type: string): unknown; exit(type: string): unknown; consume(code: Code): void }

/**
 * `![[target#heading|alias]]` on one line. micromark reads `![` as the start of an image before any `[[` construct
 * can see it, so remark-wiki-link never parses embeds; this construct sits on `!` in front of the image start.
 */
function tokenizeEmbed(effects: Effects, ok: State, nok: State): State {
  let seen = false;
  const start: State = (code) => {
    if (code !== EXCLAMATION) return nok(code);
    effects.enter('wikiEmbed');
    effects.consume(code);
    return open1;
  };
  const open1: State = (code) => {
    if (code !== LEFT_BRACKET) return nok(code);
    effects.consume(code);
    return open2;
  };
  const open2: State = (code) => {
    if (code !== LEFT_BRACKET) return nok(code);
    effects.consume(code);
    return first;
  };
  const first: State = (code) => (code === RIGHT_BRACKET || code === VERTICAL_BAR ? nok(code) : inside(code));
  const inside: State = (code) => {
    // eof or a line ending (micromark codes −5…−3)
    if (code === null || code < -2) return nok(code);
    if (code === RIGHT_BRACKET) {
      effects.consume(code);
      return close;
    }
    if (code === LEFT_BRACKET) return nok(code);
    if (code > 32) seen = true;
    effects.consume(code);
    return inside;
  };
  const close: State = (code) => {
    if (code !== RIGHT_BRACKET) return inside(code);
    if (!seen) return nok(code);
    effects.consume(code);
    effects.exit('wikiEmbed');
    return ok;
  };
  return start;
}

const embedConstruct = { name: 'wikiEmbed', tokenize: tokenizeEmbed };

interface CompileContext { enter(node: MdNode, token: unknown): void; exit(token: unknown): void }

function embedPlugin(this: { data(): Record<string, unknown[] | undefined> }): void {
  const data = this.data();
  (data.micromarkExtensions ??= []).push({ text: { [EXCLAMATION]: embedConstruct } });
  (data.fromMarkdownExtensions ??= []).push({
    enter: { wikiEmbed(this: CompileContext, token: unknown) { this.enter({ type: 'wikiEmbed', value: null }, token); } },
    exit: { wikiEmbed(this: CompileContext, token: unknown) { this.exit(token); } },
  });
}

// remark-wiki-link's own typings are `(this: any, opts?: {}) => void`.
const wikiOptions = { aliasDivider: '|', pageResolver: (name: string) => [name] };

const plain = unified().use(remarkParse).use(wikiLinkPlugin, wikiOptions).use(embedPlugin as never).freeze();
const gfm = unified().use(remarkParse).use(remarkGfm).use(wikiLinkPlugin, wikiOptions).use(embedPlugin as never).freeze();

/**
 * A GFM table needs a delimiter row: cells of `-` (with optional `:`) separated by `|`, at least one `|`.
 * May say yes when it isn't one (then GFM runs for nothing); must not say no to a real table.
 */
const DELIMITER_ROW = /^[ \t>]*(?:(?:[-*+]|\d{1,9}[.)])[ \t]+)*(?:\|[ \t]*:?-+:?[ \t]*(?:\||$)|:?-+:?[ \t]*\|)/m;

/** Does this markdown need the GFM parse (a table delimiter row, or a footnote `[^`)? */
export function needsGfm(src: string): boolean {
  if (src.indexOf('[^') !== -1) return true;
  return src.indexOf('|') !== -1 && DELIMITER_ROW.test(src);
}

/** Parses markdown (no frontmatter) into mdast. */
export function parseMarkdown(src: string, useGfm: boolean): MdNode {
  return (useGfm ? gfm : plain).parse(src) as unknown as MdNode;
}
