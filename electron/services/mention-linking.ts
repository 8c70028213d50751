/**
 * "Link" and "Link all" for unlinked mentions (Obsidian's buttons in the Unlinked mentions pane), as a service:
 * each mention of a note in another note's prose becomes a wiki link — exactly the matched span, by the grammar's
 * longest-match rule (electron/core/markdown/mentions.ts) — keeping the text as written as the display text when it
 * differs from the link target. Code, links, comments, math and frontmatter are never touched.
 *
 * Every file is read, rewritten and written back with the hash just read (a file changed meanwhile is refused with
 * `conflict` and left as it is); writes are atomic (vault-files.ts).
 */
import { linkMentions } from '../core/markdown/index.ts';
import { isCrlfOnly } from '../core/markdown/text.ts';
import type { LinkMentionsResult, MentionPlace } from '../shared/api.ts';
import type { VaultQuery } from '../core/query/vault-query.ts';
import { AtlasError } from './errors.ts';
import { readNote, writeNote } from './vault-files.ts';
import type { VaultPaths } from './vault-paths.ts';

/** The link target text for `target` written in `source`: the title when it reaches `target` from there, else the path. */
function linkTargetText(query: VaultQuery, source: string, target: string, title: string): string {
  return query.resolveLink(source, title) === target ? title : target.replace(/\.md$/i, '');
}

/** Rewrites one note's text (CRLF and a BOM kept as they were). */
function rewrite(
  content: string,
  terms: Parameters<typeof linkMentions>[1],
  owner: string,
  linkTarget: string,
  lines?: number[],
) {
  const bom = content.charCodeAt(0) === 0xfeff ? '\uFEFF' : '';
  let text = bom ? content.slice(1) : content;
  const crlf = isCrlfOnly(text);
  if (crlf) text = text.replace(/\r\n/g, '\n');
  const r = linkMentions(text, terms, owner, linkTarget, lines);
  return { text: bom + (crlf ? r.text.replace(/\n/g, '\r\n') : r.text), linked: r.linked };
}

/**
 * Links the unlinked mentions of note `target`: on one line of one note (`place`), or everywhere (Link all).
 * Throws `not-found` when `target` is no indexed note, `conflict` when a file changed between read and write
 * (for Link all: the notes before it are linked, that one and the rest are not).
 * `reindex` is called with the rewritten paths.
 */
export async function linkMentionsOf(
  query: VaultQuery,
  paths: VaultPaths,
  target: string,
  place: MentionPlace | undefined,
  reindex: (changed: string[]) => Promise<void>,
): Promise<LinkMentionsResult> {
  const found = query.mentionTerms(target);
  if (!found) throw new AtlasError('not-found', `Note not found: ${target}`);
  const info = query.noteInfo(target)!;
  const byFile = new Map<string, number[] | undefined>();
  if (place) byFile.set(paths.resolve(place.source).rel, [place.line]);
  else for (const m of query.mentions(target)) byFile.set(m.source, undefined);
  const files: string[] = [];
  let linked = 0;
  try {
    for (const [source, lines] of byFile) {
      if (source === target) continue;
      const note = await readNote(paths, source);
      const r = rewrite(note.content, found.terms, target, linkTargetText(query, source, target, info.title), lines);
      if (r.linked === 0) continue;
      await writeNote(paths, source, r.text, note.hash);
      files.push(source);
      linked += r.linked;
    }
  } finally {
    if (files.length) await reindex(files);
  }
  if (place && linked === 0) {
    throw new AtlasError('not-found', `Line ${place.line} of ${place.source} no longer mentions “${info.title}”.`);
  }
  return { linked, files: files.sort() };
}
