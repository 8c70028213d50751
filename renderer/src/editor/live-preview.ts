/**
 * Live Preview for CodeMirror 6 (Obsidian's default editing mode). Off the lines that hold the cursor or a
 * selection: `[[`/`]]` hidden and an alias shown instead of its target, `**` `*` `~~` `==` and backticks hidden,
 * `#` heading marks hidden (every heading line sized by its level, the cursor line too), `- [ ]` drawn as a
 * checkbox that ticks the task, embeds as a chip, markdown links as their text; links and tags are styled and a
 * plain click follows them (a tag opens Search with `tag:#tag`). On the cursor line everything is source again.
 * Callouts (`> [!type] Title`), GFM tables, math (`$$…$$` blocks, `$…$` in a line), fenced code blocks (highlighted,
 * mermaid as a diagram: their fence lines hidden) and the frontmatter (as a Properties table) are drawn rendered while
 * no cursor or selection touches their lines, as in Obsidian's Live Preview: the block's markdown goes through the
 * reading view's sanitised rendering (LivePreviewActions.renderBlock: block-render.tsx), a block widget from a
 * StateField replaces its lines, and a click on it (or the cursor moving in) shows its source again
 * (live-preview-blocks.ts).
 * In Source mode (source-mode.ts: the tab's own mode, else the vault's default editing mode) only the link marks
 * remain (class `cm-wikilink`), no block is rendered.
 *
 * What is a link, a tag or a formatting mark is the grammar's answer (electron/core/markdown/preview.ts), read for
 * the visible ranges only (at most {@link MARK_WINDOW} characters each), so the cost follows the viewport, not
 * the note: a 1 MB note costs what its screenful costs. Typing costs no parse: the last parse is mapped through the
 * edit and the visible text is parsed again once typing pauses ({@link REPARSE_IDLE_MS}); scrolling parses at once;
 * moving the cursor only re-filters the last parse. Where the blocks are is the same parse's answer (previewIn's
 * `blocks`), handed to the field by an effect after each parse and mapped through edits like the marks.
 */
import { Prec, type ChangeDesc, type EditorState, type Extension, type Range, StateEffect } from '@codemirror/state';
import {
  Decoration,
  type DecorationSet,
  EditorView,
  keymap,
  ViewPlugin,
  type ViewUpdate,
  WidgetType,
} from '@codemirror/view';
import type { LinkStates } from './link-states.ts';
import type { FormatMark, PreviewBlock, Span } from '../../../electron/core/markdown/index.ts';
import { toggledTaskStatus } from '../../../electron/core/markdown/index.ts';
import { taskLabel } from '../markdown/task-label.ts';
import { type Parsed, previewAround } from './preview-window.ts';
import { isSourceMode, onDefaultModeChange, setTabSourceMode } from './source-mode.ts';
import { activeLines, refresh, touches } from './live-preview-lines.ts';
import {
  type BlockRender,
  blockArrows,
  blockField,
  mapBlocks,
  sameBlocks,
  setBlocks,
  shownBlocks,
} from './live-preview-blocks.ts';

/** Characters of visible text read at most per visible range (a hidden editor reports the whole document as visible). */
export const MARK_WINDOW = 50_000;

/** What a click on a rendered link, embed or tag does (the editor that mounts Live Preview provides it). */
export interface LivePreviewActions {
  /** A wiki link, embed or markdown link was clicked (or its chip). */
  follow(span: Span): void;
  /** A tag was clicked: `tag` without `#`. */
  openTag(tag: string): void;
  /** Link states (link-states.ts): unresolved wiki links are drawn apart; absent, all look alike. */
  links?: LinkStates;
  /**
   * Renders a block's markdown (a callout, table, math, fenced code or the frontmatter, as written; `kind` says
   * which) into `into` by the reading view's sanitised path, returning what unmounts it (block-render.tsx). Absent:
   * those blocks stay source.
   */
  renderBlock?: BlockRender;
}

const LINKED: ReadonlySet<Span['kind']> = new Set(['wiki', 'embed', 'property']);
const linkMark = Decoration.mark({ class: 'cm-wikilink' });
const lpLink = Decoration.mark({ class: 'cm-wikilink cm-lp-link' });
const linkMarkUnresolved = Decoration.mark({ class: 'cm-wikilink is-unresolved' });
const lpLinkUnresolved = Decoration.mark({
  class: 'cm-wikilink cm-lp-link is-unresolved',
  attributes: { title: 'Not created yet: click to create' },
});
const lpUrl = Decoration.mark({ class: 'cm-lp-link cm-lp-url' });
const lpTag = Decoration.mark({ class: 'cm-lp-tag' });
const hidden = Decoration.replace({});
const STYLE: Partial<Record<FormatMark['kind'], Decoration>> = {
  strong: Decoration.mark({ class: 'cm-lp-strong' }),
  emphasis: Decoration.mark({ class: 'cm-lp-em' }),
  strike: Decoration.mark({ class: 'cm-lp-strike' }),
  highlight: Decoration.mark({ class: 'cm-lp-highlight' }),
  code: Decoration.mark({ class: 'cm-lp-code' }),
};
const theme = EditorView.baseTheme({
  '.cm-lp-h1': { fontSize: '1.6em', fontWeight: '700' },
  '.cm-lp-h2': { fontSize: '1.4em', fontWeight: '700' },
  '.cm-lp-h3': { fontSize: '1.2em', fontWeight: '700' },
  '.cm-lp-h4, .cm-lp-h5, .cm-lp-h6': { fontWeight: '700' },
  '.cm-lp-strong': { fontWeight: '700' },
  '.cm-lp-em': { fontStyle: 'italic' },
  '.cm-lp-strike': { textDecoration: 'line-through' },
  '.cm-lp-highlight': { backgroundColor: 'var(--highlight, rgba(255, 208, 0, 0.4))' },
  '.cm-lp-code': { fontFamily: 'var(--mono)', backgroundColor: 'var(--code-bg, rgba(127, 127, 127, 0.15))' },
  '.cm-lp-link, .cm-lp-embed': { color: 'var(--accent)', cursor: 'pointer' },
  '.cm-lp-url': { textDecoration: 'underline' },
  '.cm-lp-tag': { color: 'var(--accent)', cursor: 'pointer' },
  '.cm-lp-embed': { border: '1px solid var(--border)', borderRadius: '4px', padding: '0 4px' },
  '.cm-lp-task': { margin: '0 6px 0 2px', verticalAlign: 'middle', cursor: 'pointer' },
  // a rendered block sits in the editor's text column: none of the reading view's page padding or width
  '.cm-lp-block.reading-body': {
    // its own formatting context: the rendered content's margins stay inside the widget, where CodeMirror measures
    // its height (margins sticking out put every line below a block a few px off its click position)
    display: 'flow-root',
    padding: '0 2px 0 6px', // a .cm-line's
    maxWidth: 'none',
    fontSize: 'inherit',
    lineHeight: 'inherit',
    cursor: 'text',
    whiteSpace: 'normal',
  },
  '.cm-lp-block.reading-body > .markdown-rendered > :first-child': { marginTop: '0.2em' },
  '.cm-lp-block.reading-body > .markdown-rendered > :last-child': { marginBottom: '0.2em' },
  '.cm-lp-properties-label': { fontSize: '12px', fontWeight: '600', color: 'var(--muted)', margin: '0.2em 0 2px' },
  '.cm-lp-properties table.properties': { margin: '0 0 0.2em' },
  '.cm-lp-math-inline.reading-body, .cm-lp-math-inline .markdown-rendered, .cm-lp-math-inline p': {
    display: 'inline',
    margin: '0',
    padding: '0',
  },
});
const HEADING = [1, 2, 3, 4, 5, 6].map((n) => Decoration.line({ class: `cm-lp-h${n}` }));

class CheckboxWidget extends WidgetType {
  readonly checked: boolean;
  readonly box: number;
  readonly status: string;
  constructor(checked: boolean, box: number, status: string) {
    super();
    this.checked = checked;
    this.box = box;
    this.status = status;
  }
  override eq(o: CheckboxWidget) {
    return o.checked === this.checked && o.box === this.box && o.status === this.status;
  }
  override toDOM(view: EditorView) {
    const input = document.createElement('input');
    input.type = 'checkbox';
    input.className = 'cm-lp-task';
    input.checked = this.checked;
    input.dataset.task = this.status;
    input.setAttribute('aria-label', taskLabel(this.status, this.checked));
    input.addEventListener('mousedown', (e) => e.preventDefault());
    input.addEventListener('click', (e) => {
      e.preventDefault();
      // only the character between the brackets is written (Obsidian: a custom status such as `/` becomes open)
      const ch = view.state.sliceDoc(this.box, this.box + 1);
      if (ch !== this.status) return;
      view.dispatch({ changes: { from: this.box, to: this.box + 1, insert: toggledTaskStatus(ch) } });
    });
    return input;
  }
  override ignoreEvent() {
    return true;
  }
}

class EmbedWidget extends WidgetType {
  readonly span: Span;
  readonly actions: LivePreviewActions;
  constructor(span: Span, actions: LivePreviewActions) {
    super();
    this.span = span;
    this.actions = actions;
  }
  override eq(o: EmbedWidget) {
    return o.span.raw === this.span.raw && o.span.from === this.span.from;
  }
  override toDOM() {
    const chip = document.createElement('span');
    chip.className = 'cm-lp-embed';
    chip.title = this.span.raw;
    chip.setAttribute('role', 'link');
    const p = this.span.parts;
    const label = p ? p.target + (p.heading ? ` > ${p.heading}` : p.block ? ` > ^${p.block}` : '') : this.span.raw;
    chip.textContent = `↳ ${label || this.span.raw}`;
    chip.addEventListener('mousedown', (e) => {
      if (e.button !== 0) return;
      e.preventDefault();
      this.actions.follow(this.span);
    });
    return chip;
  }
  override ignoreEvent() {
    return true;
  }
}

function parse(view: EditorView): Parsed {
  const spans: Span[] = [];
  const marks: FormatMark[] = [];
  const blocks: PreviewBlock[] = [];
  let lastSpan = -1;
  let lastMark = -1;
  let lastBlock = -1;
  for (const { from, to: end } of view.visibleRanges) {
    const p = previewAround(view.state.doc, from, Math.min(end, from + MARK_WINDOW));
    for (const s of p.spans) {
      if (s.from < lastSpan) continue;
      spans.push(s);
      lastSpan = s.to;
    }
    for (const m of p.marks) {
      if (m.from <= lastMark) continue;
      marks.push(m);
      lastMark = m.from;
    }
    for (const b of p.blocks) {
      if (b.from < lastBlock) continue;
      blocks.push(b);
      lastBlock = b.to;
    }
  }
  return { spans, marks, blocks };
}

/** Idle time after an edit before the visible text is parsed again, ms (typing itself costs no parse). */
const REPARSE_IDLE_MS = 120;
/** Longest wait, after {@link REPARSE_IDLE_MS}, for an idle period long enough for the re-parse, ms. */
const REPARSE_MAX_WAIT_MS = 1000;

type IdleDeadline = { timeRemaining(): number; didTimeout: boolean };
/** requestIdleCallback with a timeout (a timer where there is none: a test's DOM). */
const whenIdle: (cb: (d: IdleDeadline) => void, timeoutMs: number) => () => void =
  typeof requestIdleCallback === 'function'
    ? (cb, timeout) => {
        const h = requestIdleCallback(cb, { timeout });
        return () => cancelIdleCallback(h);
      }
    : (cb) => {
        const h = setTimeout(() => cb({ timeRemaining: () => 50, didTimeout: false }), 0);
        return () => clearTimeout(h);
      };

/** The last parse moved through an edit (what an edit destroyed drops out; the idle re-parse fixes the rest). */
function mapParsed(p: Parsed, changes: ChangeDesc): Parsed {
  const spans: Span[] = [];
  for (const s of p.spans) {
    const from = changes.mapPos(s.from, 1);
    const to = changes.mapPos(s.to, -1);
    if (to > from && to - from === s.to - s.from) spans.push({ ...s, from, to });
  }
  const marks: FormatMark[] = [];
  for (const m of p.marks) {
    const from = changes.mapPos(m.from, 1);
    const to = changes.mapPos(m.to, -1);
    if (to <= from) continue;
    const hide: Array<[number, number]> = [];
    let intact = true;
    for (const [a, b] of m.hide) {
      const x = changes.mapPos(a, 1);
      const y = changes.mapPos(b, -1);
      if (y - x !== b - a) intact = false;
      hide.push([x, y]);
    }
    if (!intact) continue;
    const box = m.box == null ? undefined : changes.mapPos(m.box, 1);
    marks.push({ ...m, from, to, hide, box });
  }
  return { spans, marks, blocks: mapBlocks(p.blocks, changes) };
}

/** Is this wiki link or embed known to name no note? */
function unresolved(s: Span, actions: LivePreviewActions): boolean {
  return (
    s.kind !== 'property' && !!s.parts && s.parts.target !== '' && actions.links?.isUnresolved(s.parts.target) === true
  );
}

function build(
  state: EditorState,
  parsed: Parsed,
  actions: LivePreviewActions,
  rendered: readonly PreviewBlock[],
): DecorationSet {
  const ranges: Range<Decoration>[] = [];
  const mark = (s: Span) => (unresolved(s, actions) ? linkMarkUnresolved : linkMark);
  if (isSourceMode(state)) {
    for (const s of parsed.spans) if (LINKED.has(s.kind)) ranges.push(mark(s).range(s.from, s.to));
    return Decoration.set(ranges, true);
  }
  const active = activeLines(state);
  // what a rendered block's widget covers is left to it
  const shown = shownBlocks(state, rendered);
  const covered = (a: number, b: number) => shown.some((s) => a < s.to && b > s.from);
  const replaced: Range<Decoration>[] = [];
  // A plugin may not replace a line break (CodeMirror throws): a mark that spans lines (`[t](\n url)`) stays visible.
  const hide = (a: number, b: number, deco: Decoration = hidden) => {
    if (b > a && state.doc.lineAt(a).to >= b) replaced.push(deco.range(a, b));
  };
  for (const m of parsed.marks) {
    if (covered(m.from, m.to)) continue;
    if (m.kind === 'heading') {
      const line = state.doc.lineAt(m.from);
      ranges.push(HEADING[Math.min(6, Math.max(1, m.depth ?? 1)) - 1].range(line.from));
    }
    if (m.kind === 'task') {
      const [a, b] = m.hide[0];
      if (touches(state, active, a, b) || m.box == null) continue;
      hide(a, b, Decoration.replace({ widget: new CheckboxWidget(!!m.checked, m.box, m.status ?? ' ') }));
      continue;
    }
    if (touches(state, active, m.from, m.to)) continue;
    for (const [a, b] of m.hide) hide(a, b);
    const style = STYLE[m.kind];
    const first = m.hide[0];
    const last = m.hide[m.hide.length - 1];
    if (m.kind === 'link' && m.hide.length === 2) ranges.push(lpUrl.range(first[1], last[0]));
    else if (style && m.hide.length === 2 && last[0] > first[1]) ranges.push(style.range(first[1], last[0]));
  }
  for (const s of parsed.spans) {
    if (s.kind === 'markdown' || covered(s.from, s.to)) continue; // markdown: a `link` mark above
    if (s.kind === 'tag') {
      ranges.push(lpTag.range(s.from, s.to));
      continue;
    }
    if (touches(state, active, s.from, s.to)) {
      if (LINKED.has(s.kind)) ranges.push(mark(s).range(s.from, s.to));
      continue;
    }
    if (s.kind === 'embed') {
      hide(s.from, s.to, Decoration.replace({ widget: new EmbedWidget(s, actions) }));
      continue;
    }
    if (s.kind !== 'wiki') {
      ranges.push(linkMark.range(s.from, s.to));
      continue;
    }
    // `[[target|alias]]` shows the alias (the grammar's split says which text it is), `[[target]]` the target.
    const alias = s.parts?.alias;
    const textEnd = s.to - 2;
    const textStart =
      alias && state.sliceDoc(textEnd - alias.length, textEnd) === alias ? textEnd - alias.length : s.from + 2;
    if (textEnd <= textStart) continue;
    hide(s.from, textStart);
    ranges.push((unresolved(s, actions) ? lpLinkUnresolved : lpLink).range(textStart, textEnd));
    hide(textEnd, s.to);
  }
  // Replaced ranges must not overlap (a chip around a hidden mark): keep the first of each overlap.
  replaced.sort((x, y) => x.from - y.from);
  let reach = -1;
  for (const r of replaced) {
    if (r.from < reach) continue;
    ranges.push(r);
    reach = r.to;
  }
  return Decoration.set(ranges, true);
}

/** The span at `pos` among the last parse's (tags, links, embeds), or null. */
function spanAt(parsed: Parsed, pos: number): Span | null {
  for (const s of parsed.spans) if (s.from <= pos && pos <= s.to) return s;
  return null;
}

/**
 * The Live Preview extension (Source mode: link marks only). `actions` follow a clicked link, embed chip or tag.
 */
export function livePreview(actions: LivePreviewActions): Extension {
  const field = actions.renderBlock ? blockField(actions.renderBlock) : null;
  const renderedOf = (state: EditorState): readonly PreviewBlock[] => (field ? state.field(field).blocks : []);
  const plugin = ViewPlugin.fromClass(
    class {
      decorations: DecorationSet;
      parsed: Parsed = { spans: [], marks: [], blocks: [] };
      /** A dispatch of the parse's blocks to the field is queued (it cannot happen during an update). */
      blocksQueued = false;
      destroyed = false;
      readonly unsubscribe: () => void;
      readonly view: EditorView;
      timer: ReturnType<typeof setTimeout> | null = null;
      cancelIdle: (() => void) | null = null;
      /** How long the last parse took, ms: the idle time a re-parse waits for. */
      lastParseMs = 4;
      constructor(view: EditorView) {
        this.view = view;
        if (view.dom.getClientRects().length > 0 || view.state.doc.length <= MARK_WINDOW) this.parsed = parse(view);
        this.decorations = build(view.state, this.parsed, actions, renderedOf(view.state));
        this.lookUpLinks();
        this.sendBlocksSoon();
        this.unsubscribe = onDefaultModeChange(() => view.dispatch({ effects: refresh.of(null) }));
      }
      /**
       * Typing does not parse: the last parse is mapped through the edit and the text is read again once typing
       * pauses ({@link REPARSE_IDLE_MS}), in an idle period at least as long as the last parse took (at most
       * {@link REPARSE_MAX_WAIT_MS} later), so a key pressed meanwhile finds the main thread free (a 1 MB note's
       * visible text took 10–16 ms to parse, run 120 ms after a key by a plain timer).
       */
      reparseSoon() {
        this.cancelReparse();
        this.timer = setTimeout(() => {
          this.timer = null;
          this.reparseWhenIdle(performance.now() + REPARSE_MAX_WAIT_MS);
        }, REPARSE_IDLE_MS);
      }
      reparseWhenIdle(until: number) {
        this.cancelIdle = whenIdle(
          (d) => {
            this.cancelIdle = null;
            if (!d.didTimeout && d.timeRemaining() < this.lastParseMs && performance.now() < until)
              return this.reparseWhenIdle(until);
            if (this.view.dom.getClientRects().length === 0) return;
            const t0 = performance.now();
            this.parsed = parse(this.view);
            this.lastParseMs = Math.min(40, performance.now() - t0);
            this.lookUpLinks();
            const blocks = this.blocksEffect();
            this.view.dispatch({ effects: blocks ? [refresh.of(null), blocks] : refresh.of(null) });
          },
          Math.max(1, until - performance.now()),
        );
      }
      /** The effect that gives the field the last parse's blocks, or null when it has them already. */
      blocksEffect(): StateEffect<PreviewBlock[]> | null {
        if (!field || sameBlocks(this.view.state.field(field).blocks, this.parsed.blocks)) return null;
        return setBlocks.of(this.parsed.blocks);
      }
      /** Gives the field the parse's blocks once the current update is over (no dispatch may happen during one). */
      sendBlocksSoon() {
        if (!field || this.blocksQueued || !this.blocksEffect()) return;
        this.blocksQueued = true;
        queueMicrotask(() => {
          this.blocksQueued = false;
          const effect = this.destroyed ? null : this.blocksEffect();
          if (effect) this.view.dispatch({ effects: effect });
        });
      }
      /** Asks whether the parsed wiki links resolve (an answer that changes a link redraws the decorations). */
      lookUpLinks() {
        const links = actions.links;
        if (!links) return;
        const targets: string[] = [];
        for (const sp of this.parsed.spans)
          if ((sp.kind === 'wiki' || sp.kind === 'embed') && sp.parts?.target) targets.push(sp.parts.target);
        if (targets.length === 0) return;
        links.lookUp(targets, () => {
          if (this.view.dom.isConnected) this.view.dispatch({ effects: refresh.of(null) });
        });
      }
      cancelReparse() {
        if (this.timer !== null) clearTimeout(this.timer);
        this.timer = null;
        this.cancelIdle?.();
        this.cancelIdle = null;
      }
      update(u: ViewUpdate) {
        if (u.docChanged) {
          this.parsed = mapParsed(this.parsed, u.changes);
          this.reparseSoon();
        }
        // A hidden editor (the tab shows its reading view) is not read: its whole text would count as visible. Asked
        // of the DOM only when CodeMirror's last measure found the editor out of view: getClientRects forces a
        // layout of the page before the edit is drawn (a 1 MB note typed during a cold index: 1.8 ms of each key).
        if (!u.view.inView && u.view.dom.getClientRects().length === 0) {
          if (u.docChanged) this.decorations = this.decorations.map(u.changes);
          return;
        }
        if (!u.docChanged && (u.viewportChanged || u.geometryChanged)) {
          this.parsed = parse(u.view);
          this.lookUpLinks();
          this.sendBlocksSoon();
        }
        if (
          u.docChanged ||
          u.viewportChanged ||
          u.geometryChanged ||
          u.selectionSet ||
          u.transactions.some((t) => t.effects.some((e) => e.is(refresh) || e.is(setTabSourceMode) || e.is(setBlocks)))
        )
          this.decorations = build(u.state, this.parsed, actions, renderedOf(u.state));
      }
      destroy() {
        this.destroyed = true;
        this.unsubscribe();
        this.cancelReparse();
      }
    },
    {
      decorations: (v) => v.decorations,
      eventHandlers: {
        mousedown(e, view) {
          if (isSourceMode(view.state) || e.button !== 0 || e.ctrlKey || e.metaKey || e.shiftKey || e.altKey)
            return false;
          const el = e.target instanceof Element ? e.target.closest('.cm-lp-link, .cm-lp-tag') : null;
          if (!el) return false;
          const pos = view.posAtDOM(el);
          const span = spanAt(this.parsed, pos);
          if (!span) return false;
          e.preventDefault();
          if (span.kind === 'tag' && span.tag) actions.openTag(span.tag);
          else actions.follow(span);
          return true;
        },
      },
    },
  );
  return field ? [field, plugin, theme, Prec.high(keymap.of(blockArrows(field)))] : [plugin, theme];
}
