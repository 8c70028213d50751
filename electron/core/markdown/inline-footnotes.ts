/**
 * Obsidian's inline footnotes `text^[an inline note]`: a micromark construct on `^` and the mdast node
 * `inlineFootnote` (children: the note's phrasing content, parsed as any inline text, so its wiki links, embeds,
 * tags and formatting are read as everywhere else). The document transform (transforms.ts) turns each one into a
 * GFM `footnoteReference` plus a `footnoteDefinition` at the end of the tree, so the reading view numbers them in
 * order with the `[^1]` footnotes and lists them among the footnotes, as Obsidian does.
 *
 * The rules (markdown-it-footnote's, which Obsidian follows): `^[` opens; the note runs to the `]` that balances it
 * (`[` … `]` pairs inside are part of it, as in `^[see [[Note]] here]`; `\]` is an escaped bracket), across line
 * breaks within the paragraph; `^[]` is no note, nor one holding another `^[`. A `^` right before a markdown link's text is a note, not a link:
 * `^[a](u)` is the note `a` followed by `(u)`.
 *
 * No note holds another (`^[` inside one ends the attempt) and a bracket nests at most {@link MAX_NOTE_DEPTH} deep:
 * so an unclosed `^[` is given up at the next `^[` at the latest, every character is read by at most one failed
 * attempt, and a line of 100,000 unclosed `^[` parses in linear time; a note's text is read once more by its own
 * inline parse.
 */
import type { MdNode } from './nodes.ts';
import type { Code, State, Token, Effects } from './micromark-types.ts';

// micromark character codes
const CARET = 94;
const LEFT_BRACKET = 91;
const RIGHT_BRACKET = 93;
const BACKSLASH = 92;

/** How deep `[` may nest inside one inline footnote (micromark's own bound for brackets in a link destination). */
export const MAX_NOTE_DEPTH = 32;

/** A micromark line ending (−5…−3). */
const lineEnding = (code: Code) => code !== null && code < -2;

interface TokenizeContext {
  previous: Code;
  events: Array<[string, { type: string }, unknown]>;
}

/**
 * The note, from its `[`: the construct sits on `[` after a `^` that plain text ended with (not on `^` itself: a
 * construct on `^` would cut every text at each `^`, and micromark's merging of the pieces is quadratic).
 */
function tokenizeInlineFootnote(this: TokenizeContext, effects: Effects, ok: State, nok: State): State {
  const self = this;
  let balance = 0;
  let prev: Code = null;
  let previous: Token | undefined;
  const start: State = (code) => {
    const last = self.events[self.events.length - 1];
    // `^` as plain text (`\^[` is an escaped caret: no note)
    if (code !== LEFT_BRACKET || self.previous !== CARET || !last || last[0] !== 'exit' || last[1].type !== 'data')
      return nok(code);
    effects.enter('inlineFootnote');
    effects.enter('inlineFootnoteMarker');
    effects.consume(code);
    effects.exit('inlineFootnoteMarker');
    return first;
  };
  const first: State = (code) => {
    if (code === RIGHT_BRACKET || code === null) return nok(code);
    effects.enter('inlineFootnoteText');
    return lineStart(code);
  };
  // each line of the note is one chunk of inline text; the chunks are linked so the note is parsed as one text
  const lineStart: State = (code) => {
    if (code === null) return nok(code);
    if (code === RIGHT_BRACKET && balance === 0) return close(code);
    const token = effects.enter('chunkText', { contentType: 'text', previous });
    if (previous) previous.next = token;
    previous = token;
    return data(code);
  };
  const data: State = (code) => {
    if (code === null) return nok(code);
    if (code === LEFT_BRACKET) {
      // no note inside a note: so an unclosed `^[` is given up at the next one
      if (prev === CARET || ++balance > MAX_NOTE_DEPTH) return nok(code);
    } else if (code === RIGHT_BRACKET) {
      if (balance === 0) {
        effects.exit('chunkText');
        return close(code);
      }
      balance--;
    } else if (lineEnding(code)) {
      prev = null;
      effects.consume(code);
      effects.exit('chunkText');
      return lineStart;
    }
    prev = code;
    effects.consume(code);
    return code === BACKSLASH ? escaped : data;
  };
  const escaped: State = (code) => {
    prev = null;
    if (code === LEFT_BRACKET || code === RIGHT_BRACKET || code === BACKSLASH || code === CARET) {
      effects.consume(code);
      return data;
    }
    return data(code);
  };
  const close: State = (code) => {
    effects.exit('inlineFootnoteText');
    effects.enter('inlineFootnoteMarker');
    effects.consume(code);
    effects.exit('inlineFootnoteMarker');
    effects.exit('inlineFootnote');
    return ok;
  };
  return start;
}

const inlineFootnoteConstruct = { name: 'inlineFootnote', tokenize: tokenizeInlineFootnote };

/** The micromark extension: `^[…]` in inline text (on `[`, before the link label start). */
export function inlineFootnoteSyntax(): { text: Record<number, unknown> } {
  return { text: { [LEFT_BRACKET]: { ...inlineFootnoteConstruct, add: 'before' } } };
}

interface CompileContext {
  enter(node: MdNode, token: unknown): void;
  exit(token: unknown): void;
  stack: MdNode[];
}

/** Cuts the `^` that ends the text before a note (the note's token starts at its `[`); true when it did. */
function takeCaret(parent: MdNode): boolean {
  const kids = parent.children;
  const text = kids?.[kids.length - 1];
  if (!kids || !text || text.type !== 'text' || !text.value?.endsWith('^')) return false;
  text.value = text.value.slice(0, -1);
  const end = text.position?.end;
  if (end) {
    end.column--;
    if (end.offset !== undefined) end.offset--;
  }
  if (text.value === '') kids.pop();
  return true;
}

/** The mdast extension: an `inlineFootnote` node whose children are the note's phrasing content. */
export const inlineFootnoteFromMarkdown = {
  // a line break inside the note is text, as in a paragraph
  canContainEols: ['inlineFootnote'],
  enter: {
    inlineFootnote(this: CompileContext, token: unknown) {
      const took = takeCaret(this.stack[this.stack.length - 1]);
      const note: MdNode = { type: 'inlineFootnote', children: [] };
      this.enter(note, token);
      const start = note.position?.start;
      if (took && start) {
        start.column--;
        if (start.offset !== undefined) start.offset--;
      }
    },
  },
  exit: {
    inlineFootnote(this: CompileContext, token: unknown) {
      this.exit(token);
    },
  },
};

/**
 * Turns the `inlineFootnote` nodes of `tree` (given in document order) into GFM footnotes, in place: each becomes a
 * `footnoteReference` and gets a `footnoteDefinition` (its content as a paragraph) appended to the root, with an
 * identifier `inline-N` that no footnote of the note uses. The reading view then numbers every footnote in the
 * order of its first reference, inline or not (mdast-util-to-hast), as Obsidian does.
 */
export function inlineFootnotesToGfm(tree: MdNode, notes: MdNode[]): void {
  if (notes.length === 0) return;
  const taken = new Set<string>();
  const stack: MdNode[] = [tree];
  while (stack.length) {
    const n = stack.pop() as MdNode;
    if ((n.type === 'footnoteDefinition' || n.type === 'footnoteReference') && n.identifier)
      taken.add(n.identifier.toLowerCase());
    if (n.children) for (const c of n.children) stack.push(c);
  }
  let k = 0;
  for (const note of notes) {
    let id: string;
    do id = `inline-${++k}`;
    while (taken.has(id));
    const children = note.children ?? [];
    tree.children!.push({
      type: 'footnoteDefinition',
      identifier: id,
      label: id,
      children: [{ type: 'paragraph', children, position: note.position }],
    });
    note.type = 'footnoteReference';
    note.identifier = id;
    note.label = id;
    delete note.children;
  }
}
