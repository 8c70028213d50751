/**
 * What Live Preview reads of a note for a visible range: the grammar's previewIn over the range with the window it
 * parses around it ({@link SPAN_WINDOW} characters either side), sliced out of the CodeMirror document, so a long
 * note is never joined into one string (a 1 MB note was joined, and the string flattened, on every re-parse).
 */
import type { Text } from '@codemirror/state';
import {
  findFrontmatter,
  type FormatMark,
  type PreviewBlock,
  previewIn,
  SPAN_WINDOW,
  type Span,
} from '../../../electron/core/markdown/index.ts';
import { docText } from './editor-buffer.ts';

/** Links and tags, formatting marks, and the blocks drawn rendered (callouts, tables, math), of a range (offsets into the note). */
export interface Parsed {
  spans: Span[];
  marks: FormatMark[];
  blocks: PreviewBlock[];
}

/** Notes up to this long (characters) are read whole for the preview; a longer one around each visible range. */
const WHOLE_TEXT = 4 * SPAN_WINDOW;
/** Characters from the start a frontmatter block is looked for in a long note (a longer one: the note is read whole). */
const FRONTMATTER_HEAD = 64 * 1024;

/**
 * The text previewIn reads for [from, to) of `doc` and its offset in the note: the whole note when it is short (or
 * the range is near its frontmatter), else only the range with {@link SPAN_WINDOW} characters either side, all that
 * previewIn reads of it (a 1 MB note was joined into one string, and that string flattened, on every re-parse).
 */
export function textAround(doc: Text, from: number, to: number): { text: string; offset: number } {
  if (doc.length <= WHOLE_TEXT) return { text: docText(doc), offset: 0 };
  let start = Math.max(0, from - SPAN_WINDOW - 2);
  if (doc.sliceString(0, 3) === '---') {
    const fm = findFrontmatter(doc.sliceString(0, FRONTMATTER_HEAD));
    if (!fm || start <= fm.bodyStart) return { text: docText(doc), offset: 0 };
  }
  // the slice must not start with `---`: previewIn would take it for frontmatter
  if (start > 0 && doc.sliceString(start, start + 3) === '---') start--;
  return { text: doc.sliceString(start, Math.min(doc.length, to + SPAN_WINDOW + 2)), offset: start };
}

/**
 * previewIn for [from, to) of `doc` (offsets into the note), reading only {@link textAround} of it: the same answer
 * as previewIn over the whole note's text.
 */
export function previewAround(doc: Text, from: number, to: number): Parsed {
  const { text, offset } = textAround(doc, from, to);
  const p = previewIn(text, from - offset, to - offset);
  if (!offset) return p;
  return {
    spans: p.spans.map((s) => ({ ...s, from: s.from + offset, to: s.to + offset })),
    marks: p.marks.map((m) => shiftMark(m, offset)),
    blocks: p.blocks.map((b) => ({ ...b, from: b.from + offset, to: b.to + offset })),
  };
}

function shiftMark(m: FormatMark, by: number): FormatMark {
  const out: FormatMark = {
    ...m,
    from: m.from + by,
    to: m.to + by,
    hide: m.hide.map(([a, b]) => [a + by, b + by] as [number, number]),
  };
  if (m.box != null) out.box = m.box + by;
  return out;
}
