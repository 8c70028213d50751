/**
 * Obsidian embeds `![[target#heading|alias]]` as a micromark construct and an mdast node `wikiEmbed` whose `value`
 * is the inner text (without `![[` and `]]`). One line; the first `]]` closes; a single `[` or `]` is part of it, a `[[`
 * is not (`![[a [[b]]` is text and the link `[[b]]`, as for wiki links: patches/remark-wiki-link).
 */
import type { MdNode } from './nodes.ts';
import type { Code, State, Effects } from './micromark-types.ts';

// micromark character codes
const EXCLAMATION = 33;
const LEFT_BRACKET = 91;
const RIGHT_BRACKET = 93;
const VERTICAL_BAR = 124;

/**
 * `![[target#heading|alias]]` on one line. micromark reads `![` as the start of an image before any `[[` construct
 * can see it, so remark-wiki-link never parses embeds; this construct sits on `!` in front of the image start.
 */
function tokenizeEmbed(effects: Effects, ok: State, nok: State): State {
  let seen = false;
  let prev: Code = null;
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
    if (code === LEFT_BRACKET && prev === LEFT_BRACKET) return nok(code);
    if (code > 32) seen = true;
    prev = code;
    effects.consume(code);
    return inside;
  };
  const close: State = (code) => {
    prev = RIGHT_BRACKET;
    if (code !== RIGHT_BRACKET) return inside(code);
    if (!seen) return nok(code);
    effects.consume(code);
    effects.exit('wikiEmbed');
    return ok;
  };
  return start;
}

const embedConstruct = { name: 'wikiEmbed', tokenize: tokenizeEmbed };

interface CompileContext {
  enter(node: MdNode, token: unknown): void;
  exit(token: unknown): void;
  sliceSerialize(token: unknown): string;
  stack: unknown[];
}

/** The unified plugin adding the embed construct (micromark) and its mdast node `wikiEmbed` (value: inner text). */
export function remarkWikiEmbed(this: { data(): Record<string, unknown[] | undefined> }): void {
  const data = this.data();
  data.micromarkExtensions ??= [];
  data.micromarkExtensions.push({ text: { [EXCLAMATION]: embedConstruct } });
  data.fromMarkdownExtensions ??= [];
  data.fromMarkdownExtensions.push({
    enter: {
      wikiEmbed(this: CompileContext, token: unknown) {
        this.enter({ type: 'wikiEmbed', value: null }, token);
      },
    },
    exit: {
      wikiEmbed(this: CompileContext, token: unknown) {
        const raw = this.sliceSerialize(token);
        // the inner text, without `![[` and `]]`
        (this.stack[this.stack.length - 1] as MdNode).value = raw.slice(3, -2);
        this.exit(token);
      },
    },
  });
}
