/**
 * Live Preview's rendered blocks (live-preview.ts): callouts, GFM tables, math, fenced code (mermaid too) and the
 * frontmatter (as Properties) drawn rendered while no cursor or
 * selection touches their lines, as in Obsidian's Live Preview. The block ranges are the grammar's (previewIn's
 * `blocks`, handed over by {@link setBlocks} after each parse and mapped through edits); a StateField replaces their
 * lines with a widget holding the reading view's rendering; ArrowUp/Down and a click enter a block (its source).
 */
import {
  type ChangeDesc,
  type EditorState,
  type Range,
  StateEffect,
  StateField,
  type Transaction,
} from '@codemirror/state';
import { Decoration, type DecorationSet, EditorView, type KeyBinding, WidgetType } from '@codemirror/view';
import type { PreviewBlock } from '../../../electron/core/markdown/index.ts';
import { activeLines, refresh, touches } from './live-preview-lines.ts';
import { isSourceMode, setTabSourceMode } from './source-mode.ts';

/** The blocks of the last parse (callouts, tables, math, code, frontmatter), for the field that draws them. */
export const setBlocks = StateEffect.define<PreviewBlock[]>();

/** Largest block drawn rendered, characters (a larger one stays source, as the viewport-bounded cost requires). */
export const BLOCK_MAX_CHARS = 20_000;

/**
 * Renders a block's markdown (as written: for `frontmatter` the whole `---` block) into `into`, returning what
 * unmounts the rendering (block-render.tsx).
 */
export type BlockRender = (markdown: string, into: HTMLElement, kind: PreviewBlock['kind']) => () => void;

/** The DOM of a rendered block → what unmounts its rendering and stops watching its size. */
const mounted = new WeakMap<HTMLElement, () => void>();

/**
 * A callout, table, math, code or frontmatter block drawn rendered (a `div.cm-lp-block` replacing its lines, or for `$…$` a
 * `span.cm-lp-math-inline`), by {@link LivePreviewActions.renderBlock}. A click on it (not on a link, checkbox or
 * fold button inside) puts the cursor at its start, so its source is shown (Obsidian: a click on a rendered block
 * opens it for editing).
 */
class BlockWidget extends WidgetType {
  readonly markdown: string;
  readonly block: PreviewBlock;
  readonly render: BlockRender;
  constructor(markdown: string, block: PreviewBlock, render: BlockRender) {
    super();
    this.markdown = markdown;
    this.block = block;
    this.render = render;
  }
  override eq(o: BlockWidget) {
    return o.markdown === this.markdown && o.block.kind === this.block.kind && o.block.inline === this.block.inline;
  }
  override toDOM(view: EditorView) {
    const el: HTMLElement = document.createElement(this.block.inline ? 'span' : 'div');
    el.className = `${this.block.inline ? 'cm-lp-math-inline' : `cm-lp-block cm-lp-${this.block.kind}`} reading-body`;
    el.dataset.lpBlock = this.block.kind;
    // how many source lines it stands for (a display block replaces whole lines), for what counts lines in the DOM
    if (!this.block.inline) el.dataset.lpLines = String(this.markdown.split('\n').length);
    const unmount = this.render(this.markdown, el, this.block.kind);
    // the rendering may arrive later (the markdown worker) or change size (fonts, KaTeX): CodeMirror measures again
    const sized = typeof ResizeObserver === 'function' ? new ResizeObserver(() => view.requestMeasure()) : null;
    sized?.observe(el);
    mounted.set(el, () => {
      sized?.disconnect();
      unmount();
    });
    el.addEventListener('mousedown', (e) => {
      if (e.button !== 0) return;
      if (e.target instanceof Element && e.target.closest('a, input, button, [role="button"]')) return;
      e.preventDefault();
      view.dispatch({ selection: { anchor: clickedSourcePos(view, view.posAtDOM(el), e) } });
      view.focus();
    });
    return el;
  }
  override destroy(dom: HTMLElement) {
    mounted.get(dom)?.();
    mounted.delete(dom);
  }
  override ignoreEvent() {
    return true;
  }
}

/**
 * Where a click on a rendered block puts the cursor (Obsidian: at the text clicked): the source line the clicked
 * element was drawn from (its `data-line`, 1-based within the block, from the reading view's renderer), at the
 * clicked text when that text is found on the line as written; else the line's start, else the block's start.
 */
function clickedSourcePos(view: EditorView, blockFrom: number, e: MouseEvent): number {
  const doc = view.state.doc;
  const el = e.target instanceof Element ? e.target.closest('[data-line]') : null;
  const rel = el ? Number(el.getAttribute('data-line')) : Number.NaN;
  const first = doc.lineAt(Math.min(blockFrom, doc.length)).number;
  if (!Number.isInteger(rel) || rel < 1 || first + rel - 1 > doc.lines) return blockFrom;
  const line = doc.line(first + rel - 1);
  const caret = (
    document as Document & {
      caretPositionFromPoint?(x: number, y: number): { offsetNode: Node; offset: number } | null;
    }
  ).caretPositionFromPoint?.(e.clientX, e.clientY);
  const node = caret?.offsetNode;
  if (!node || node.nodeType !== Node.TEXT_NODE || !el?.contains(node)) return line.from;
  if (el.tagName === 'PRE') return codePos(view, line.number, el, node, caret.offset);
  const textOf = (node as Text).data;
  const at = line.text.indexOf(textOf);
  return at < 0 ? line.from : line.from + at + Math.min(caret.offset, textOf.length);
}

/**
 * Where a click in a rendered code block (`pre`, drawn from the fence on line `fence`) puts the cursor: the code
 * line clicked (the n-th line of the code is line `fence + n`), at the clicked column (clamped to the line).
 */
function codePos(view: EditorView, fence: number, pre: Element, node: Node, offset: number): number {
  const doc = view.state.doc;
  const r = document.createRange();
  r.setStart(pre, 0);
  r.setEnd(node, offset);
  const rows = r.toString().split('\n');
  const n = fence + rows.length;
  if (n > doc.lines) return doc.line(fence).from;
  const line = doc.line(n);
  return line.from + Math.min(rows[rows.length - 1].length, line.length);
}

/** Blocks moved through an edit (one emptied by it drops out). */
export function mapBlocks(blocks: PreviewBlock[], changes: ChangeDesc): PreviewBlock[] {
  const out: PreviewBlock[] = [];
  for (const b of blocks) {
    const from = changes.mapPos(b.from, 1);
    const to = changes.mapPos(b.to, -1);
    if (to > from) out.push({ ...b, from, to });
  }
  return out;
}

export function sameBlocks(a: readonly PreviewBlock[], b: readonly PreviewBlock[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++)
    if (a[i].from !== b[i].from || a[i].to !== b[i].to || a[i].kind !== b[i].kind || a[i].inline !== b[i].inline)
      return false;
  return true;
}

/** A block drawn rendered and the range its widget replaces (a display block: its whole lines). */
interface Shown {
  block: PreviewBlock;
  from: number;
  to: number;
}

/**
 * The blocks drawn rendered: none in Source mode; else those no cursor or selection touches (by line), a display
 * block only when it has its lines to itself (`- > [!note]` in a list item stays source), `$…$` only on one line.
 */
export function shownBlocks(state: EditorState, blocks: readonly PreviewBlock[]): Shown[] {
  if (blocks.length === 0 || isSourceMode(state)) return [];
  const active = activeLines(state);
  const out: Shown[] = [];
  let reach = -1;
  for (const b of blocks) {
    if (b.from < reach || b.to > state.doc.length || b.to <= b.from || touches(state, active, b.from, b.to)) continue;
    // a very large block (a table of thousands of rows) stays source: its rendering would cost what the note costs
    if (b.to - b.from > BLOCK_MAX_CHARS) continue;
    const first = state.doc.lineAt(b.from);
    const last = state.doc.lineAt(b.to);
    if (b.inline) {
      if (last.number !== first.number) continue;
      out.push({ block: b, from: b.from, to: b.to });
    } else {
      if (state.sliceDoc(first.from, b.from).trim() !== '' || state.sliceDoc(b.to, last.to).trim() !== '') continue;
      out.push({ block: b, from: first.from, to: last.to });
    }
    reach = out[out.length - 1].to;
  }
  return out;
}

function blockDecorations(state: EditorState, blocks: readonly PreviewBlock[], render: BlockRender): DecorationSet {
  const ranges: Range<Decoration>[] = [];
  for (const s of shownBlocks(state, blocks)) {
    const widget = new BlockWidget(state.sliceDoc(s.from, s.to), s.block, render);
    ranges.push(Decoration.replace({ widget, block: !s.block.inline }).range(s.from, s.to));
  }
  return Decoration.set(ranges);
}

/** The rendered blocks' state: the last parse's blocks (mapped through edits) and their widgets. */
export interface BlockState {
  blocks: PreviewBlock[];
  deco: DecorationSet;
}

/**
 * The field that draws the blocks (a decoration that replaces whole lines must come from state, not a view plugin):
 * fed the blocks of each parse by the plugin ({@link setBlocks}), it redraws on an edit, a selection or a mode change.
 */
export function blockField(render: BlockRender): StateField<BlockState> {
  return StateField.define<BlockState>({
    create: () => ({ blocks: [], deco: Decoration.none }),
    update(value, tr: Transaction) {
      let blocks = value.blocks;
      for (const e of tr.effects) if (e.is(setBlocks)) blocks = e.value;
      if (blocks === value.blocks && tr.docChanged) blocks = mapBlocks(blocks, tr.changes);
      const redraw =
        blocks !== value.blocks ||
        tr.selection !== undefined ||
        tr.effects.some((e) => e.is(refresh) || e.is(setTabSourceMode));
      if (!redraw) return value;
      return { blocks, deco: blockDecorations(tr.state, blocks, render) };
    },
    provide: (f) => EditorView.decorations.from(f, (v) => v.deco),
  });
}

/**
 * ArrowUp/ArrowDown onto a rendered block enter it (its first line from above, its last from below), so it shows
 * its source, as in Obsidian's Live Preview; CodeMirror alone moves over a block widget as one line.
 */
export function blockArrows(field: StateField<BlockState>): KeyBinding[] {
  const enter = (dir: -1 | 1) => (view: EditorView) => {
    const { state } = view;
    const sel = state.selection.main;
    if (state.selection.ranges.length > 1 || !sel.empty) return false;
    const line = state.doc.lineAt(sel.head);
    const n = line.number + dir;
    if (n < 1 || n > state.doc.lines) return false;
    // a wrapped line moves within itself first (the arrow leaves it only from its first or last visual row)
    const moved = view.moveVertically(sel, dir === 1);
    if (moved.head >= line.from && moved.head <= line.to && moved.head !== sel.head) return false;
    const next = state.doc.line(n);
    let target: number | null = null;
    state.field(field).deco.between(next.from, next.to, (from, to, d) => {
      if (!d.spec.block) return;
      if (dir === 1 && from === next.from) target = next.from + Math.min(sel.head - line.from, next.length);
      if (dir === -1 && to === next.to) target = next.from + Math.min(sel.head - line.from, next.length);
    });
    if (target === null) return false;
    view.dispatch({ selection: { anchor: target }, scrollIntoView: true, userEvent: 'select' });
    return true;
  };
  return [
    { key: 'ArrowDown', run: enter(1) },
    { key: 'ArrowUp', run: enter(-1) },
  ];
}
