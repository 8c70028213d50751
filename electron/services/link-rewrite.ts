/**
 * Rewrites links after a rename or move, the way Obsidian's "Automatically update internal links" does.
 *
 * Input: the index's link rows (each with the raw text as written and its 1-based line), the map old path → new path
 * of every moved file, and a resolver that answers with the index *after* the move. Output: per note, the edits
 * `raw → replacement` on a line. Handled styles:
 * - wiki links and embeds `[[Old]]`, `[[Old|alias]]`, `[[Old#h]]`, `[[Old#^b]]`, `![[Old]]`, `[[folder/Old]]`,
 *   `[[Old.md]]`, table-escaped `[[Old\|alias]]`, and the same inside frontmatter properties (`"[[Old]]"`);
 * - markdown links `[t](Old.md)`, `[t](../x/Old%20Name.md#h)`, `[t](<Old Name.md>)`, `![a](pic.png "title")`;
 * - bare-name property values (`prerequisites: [Old]`) when the index reports them as property links.
 * Style is kept: a bare name stays bare when the new name resolves to the moved file from that note and no other file
 * has that name, else the vault path is used; a path stays a path; a relative markdown link stays relative (and is
 * recomputed when the linking note itself moved). Links resolved through an alias are left alone (the alias moves
 * with the note).
 */
import path from 'node:path';
import type { LinkRecord } from '../core/model.ts';
import {
  findSpans,
  markdownDestination,
  rewriteMarkdownDestination,
  rewriteWikiTarget,
  wikiTargetWritten,
  type Span,
} from '../core/markdown/index.ts';
import { lineIndexOf, lineStarts } from '../core/markdown/text.ts';

export interface LinkEdit {
  /** 1-based line of the link in the (possibly moved) source note. */
  line: number;
  raw: string;
  replacement: string;
}

export interface RewriteContext {
  /** old vault path → new vault path, for every moved file. */
  moved: ReadonlyMap<string, string>;
  /** Resolves a wiki-link target written in `fromPath` against the index after the move. */
  resolve(fromPath: string, target: string): string | null;
  /** How many files of the vault (after the move) have this file name, compared case-insensitively. */
  nameCount(fileName: string): number;
}

const isNote = (p: string): boolean => /\.md$/i.test(p);
const stripMd = (p: string): string => p.replace(/\.md$/i, '');

/** Bare link text for a file: note name without `.md`, attachment name with its extension. */
function bareName(target: string, keepMd: boolean): string {
  const base = path.posix.basename(target);
  return isNote(target) && !keepMd ? stripMd(base) : base;
}

/** True when `[[name]]` written in `source` reaches exactly `target` and no other file shares the name. */
function bareResolves(ctx: RewriteContext, source: string, target: string): boolean {
  const base = path.posix.basename(target);
  if (ctx.nameCount(base) !== 1) return false;
  return ctx.resolve(source, isNote(target) ? stripMd(base) : base) === target;
}

/** The wiki link as written, pointing at `target` (a vault path), in the style it was written (bare name or path). */
function rewriteWiki(raw: string, source: string, target: string, ctx: RewriteContext): string | null {
  const written = wikiTargetWritten(raw);
  if (!written) return null;
  const keepMd = /\.md$/i.test(written);
  let next: string;
  if (!written.includes('/') && bareResolves(ctx, source, target)) next = bareName(target, keepMd);
  else next = isNote(target) && !keepMd ? stripMd(target) : target;
  return rewriteWikiTarget(raw, next);
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

function rewriteMarkdown(
  raw: string,
  oldSource: string,
  oldTarget: string,
  source: string,
  target: string,
  ctx: RewriteContext,
): string | null {
  const d = markdownDestination(raw);
  if (!d || d.external) return null;
  const angle = d.angle;
  const pathPart = d.path;
  if (pathPart === '') return null;
  const decoded = angle ? pathPart : safeDecode(pathPart);
  const keepMd = /\.md$/i.test(decoded) || !isNote(oldTarget);
  const oldDir = path.posix.dirname(oldSource);
  const relFromOld = path.posix.normalize(path.posix.join(oldDir === '.' ? '' : oldDir, decoded));
  const style: 'relative' | 'absolute' | 'bare' =
    decoded.startsWith('./') || decoded.startsWith('../')
      ? 'relative'
      : decoded.includes('/')
        ? (relFromOld === oldTarget || stripMd(relFromOld) === stripMd(oldTarget)) && oldDir !== '.'
          ? 'relative'
          : 'absolute'
        : 'bare';
  const withExt = (p: string): string => (keepMd ? p : stripMd(p));
  let next: string;
  if (style === 'relative') {
    const dir = path.posix.dirname(source);
    let r = path.posix.relative(dir === '.' ? '' : dir, target);
    if (decoded.startsWith('./') && !r.startsWith('../')) r = './' + r;
    next = withExt(r);
  } else if (style === 'bare') {
    next = bareResolves(ctx, source, target) ? withExt(path.posix.basename(target)) : withExt(target);
  } else {
    next = withExt(target);
  }
  if (next === decoded && source === oldSource && target === oldTarget) return null;
  return rewriteMarkdownDestination(raw, next);
}

/** A property value written without brackets (`prerequisites: [Old]`): replace the name itself. */
function rewriteBareProperty(raw: string, source: string, target: string, ctx: RewriteContext): string | null {
  const written = raw.trim();
  if (written === '' || written.includes('[[')) return null;
  const keepMd = /\.md$/i.test(written);
  if (!written.includes('/') && bareResolves(ctx, source, target))
    return raw.replace(written, bareName(target, keepMd));
  return raw.replace(written, isNote(target) && !keepMd ? stripMd(target) : target);
}

/**
 * The edits for every note affected by a move, keyed by the note's path after the move.
 * `links` must be the index's link rows from *before* the move.
 */
export function computeLinkEdits(links: readonly LinkRecord[], ctx: RewriteContext): Map<string, LinkEdit[]> {
  const out = new Map<string, LinkEdit[]>();
  const seen = new Set<string>();
  for (const link of links) {
    if (link.target === null) continue;
    const targetMoved = ctx.moved.has(link.target);
    const sourceMoved = ctx.moved.has(link.source);
    if (!targetMoved && !(sourceMoved && link.kind === 'markdown')) continue;
    // A same-note link (`[[#Heading]]`) and a link through an alias keep working after the move.
    if (link.targetText === '' || link.resolvedBy === 'alias') continue;
    const source = ctx.moved.get(link.source) ?? link.source;
    const target = ctx.moved.get(link.target) ?? link.target;
    let replacement: string | null;
    if (link.kind === 'markdown')
      replacement = rewriteMarkdown(link.raw, link.source, link.target, source, target, ctx);
    else if (link.raw.includes('[[')) replacement = rewriteWiki(link.raw, source, target, ctx);
    else if (link.kind === 'property') replacement = rewriteBareProperty(link.raw, source, target, ctx);
    else replacement = null;
    if (replacement === null || replacement === link.raw) continue;
    const key = `${source}\0${link.line}\0${link.raw}`;
    if (seen.has(key)) continue;
    seen.add(key);
    let list = out.get(source);
    if (!list) {
      list = [];
      out.set(source, list);
    }
    list.push({ line: link.line, raw: link.raw, replacement });
  }
  return out;
}

/** Longest note (UTF-16 code units) whose links are located by parsing it; a longer one is edited line by line. */
export const EDIT_PARSE_LIMIT = 2_000_000;

/**
 * Applies edits to a note's text, where the grammar finds the links: the note is parsed again (findSpans, the one
 * grammar) and each edit replaces the links whose raw text is `raw` on line `line` (1-based), so the same text in a
 * code span, a comment, math or plain prose on that line is left alone, as Obsidian edits only the links it has
 * cached. When the line no longer holds such a link (the file changed since it was indexed) and the note holds exactly
 * one link written `raw`, that one is replaced. A note over {@link EDIT_PARSE_LIMIT} is edited on its lines by text,
 * without a parse. Returns the new text and how many edits could not be placed.
 */
export function applyLinkEdits(content: string, edits: readonly LinkEdit[]): { content: string; missed: number } {
  if (edits.length === 0) return { content, missed: 0 };
  if (content.length > EDIT_PARSE_LIMIT) return applyByLine(content, edits);
  const starts = lineStarts(content);
  const lineOf = (offset: number): number => lineIndexOf(starts, offset) + 1;
  const onLine = new Map<string, Span[]>();
  const byRaw = new Map<string, Span[]>();
  for (const span of findSpans(content)) {
    if (span.kind === 'tag') continue;
    const key = `${lineOf(span.from)}\0${span.raw}`;
    const list = onLine.get(key);
    if (list) list.push(span);
    else onLine.set(key, [span]);
    const same = byRaw.get(span.raw);
    if (same) same.push(span);
    else byRaw.set(span.raw, [span]);
  }
  const used = new Set<Span>();
  const cuts: { from: number; to: number; text: string }[] = [];
  let missed = 0;
  for (const e of edits) {
    const here = (onLine.get(`${e.line}\0${e.raw}`) ?? []).filter((sp) => !used.has(sp));
    const place = here.length ? here : (byRaw.get(e.raw) ?? []).filter((sp) => !used.has(sp));
    if (here.length === 0 && place.length !== 1) {
      missed++;
      continue;
    }
    for (const sp of place) {
      used.add(sp);
      cuts.push({ from: sp.from, to: sp.to, text: e.replacement });
    }
  }
  if (cuts.length === 0) return { content, missed };
  cuts.sort((a, b) => a.from - b.from);
  let out = '';
  let at = 0;
  for (const c of cuts) {
    out += content.slice(at, c.from) + c.text;
    at = c.to;
  }
  return { content: out + content.slice(at), missed };
}

/** applyLinkEdits without a parse, for a huge note: each raw text replaced on its line, else where it occurs once. */
function applyByLine(content: string, edits: readonly LinkEdit[]): { content: string; missed: number } {
  const lines = content.split('\n');
  let missed = 0;
  const later: LinkEdit[] = [];
  // Longer raws first, so `![[Old]]` is rewritten before the `[[Old]]` it contains.
  const ordered = [...edits].sort((a, b) => b.raw.length - a.raw.length);
  for (const e of ordered) {
    const i = e.line - 1;
    if (i >= 0 && i < lines.length && lines[i].includes(e.raw)) lines[i] = lines[i].split(e.raw).join(e.replacement);
    else later.push(e);
  }
  let text = lines.join('\n');
  for (const e of later) {
    const first = text.indexOf(e.raw);
    if (first >= 0 && text.indexOf(e.raw, first + 1) < 0)
      text = text.slice(0, first) + e.replacement + text.slice(first + e.raw.length);
    else missed++;
  }
  return { content: text, missed };
}
