/**
 * Rename or move of a file or folder with its links rewritten, as Obsidian's rename (`AtlasApi.renamePath`): the move
 * first (refusing an existing target and a folder into itself), then every note linking to a moved file rewritten
 * so its links still resolve (each rewrite an atomic write that checks what it read, retried up to 5 times), the
 * index updated, and the flashcards' review history moved with the notes. After the move nothing throws: a note
 * that could not be rewritten is listed in `failed`. The caller runs it after the first sync, one mutation at a time.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { RenameResult } from '../shared/api.ts';
import type { GraphIndex } from '../core/index/graph-index.ts';
import type { VaultQuery } from '../core/query/vault-query.ts';
import type { ReviewEngine } from '../core/review/engine.ts';
import { rewrittenCardIds } from '../core/review/state.ts';
import { mkdirWithin, writeFileAtomic } from '../core/files/atomic-write.ts';
import { readRegularFile } from '../core/files/regular-file.ts';
import { AtlasError, toApiError } from './errors.ts';
import { applyLinkEdits, computeLinkEdits } from './link-rewrite.ts';
import { moveReviewState } from './review-service.ts';
import * as files from './vault-files.ts';
import type { VaultPaths } from './vault-paths.ts';

/** What a rename works on: the vault's paths, index, queries and review engine, and where it reports. */
export interface RenameContext {
  paths: VaultPaths;
  index: GraphIndex;
  query: VaultQuery;
  review: ReviewEngine;
  /** The review history moved with the notes (the service emits `review-changed`). */
  reviewChanged: () => void;
  /** The app's own change, once, after re-indexing it (ChangeReports.app). */
  reportChange: (e: { changed: string[]; deleted: string[] }) => void;
}

/** Renames `from` to `to` (vault paths; a note keeps its `.md`). Throws `not-found`, `exists`, `invalid-argument`. */
export async function renameWithLinks(ctx: RenameContext, from: string, to: string): Promise<RenameResult> {
  const { paths, index, query, review } = ctx;
  const src = paths.resolve(from, { write: true });
  const srcStat = await fs.promises.lstat(src.abs).catch(() => null);
  if (!srcStat) throw new AtlasError('not-found', `Not found: ${src.rel}`);
  let toRel = paths.resolve(to, { write: true }).rel;
  // Obsidian's rename edits the name only; keep the note a note (`Go` → `Go 1.22` gives `Go 1.22.md`).
  if (!srcStat.isDirectory() && /\.md$/i.test(src.rel) && !/\.md$/i.test(toRel)) toRel += '.md';
  const dst = paths.resolve(toRel, { write: true });
  if (dst.rel === src.rel) throw new AtlasError('invalid-argument', 'The new path is the same as the old one');
  if (dst.rel.toLowerCase().startsWith(src.rel.toLowerCase() + '/')) {
    throw new AtlasError('invalid-argument', 'A folder cannot be moved into itself');
  }
  // rename(2) silently replaces an existing file: refuse first. The same inode under another case is the source
  // itself on a case-insensitive file system (a case-only rename), which is allowed.
  const dstStat = await fs.promises.lstat(dst.abs).catch(() => null);
  if (dstStat && !(dstStat.ino === srcStat.ino && dstStat.dev === srcStat.dev))
    throw new AtlasError('exists', `Already exists: ${dst.rel}`);
  await files.refuseLookalike(paths, dst.rel, src.rel);

  const oldFiles = await files.filesUnder(paths, src.rel);
  const moved = new Map(oldFiles.map((f) => [f, dst.rel + f.slice(src.rel.length)] as const));
  const links = query.links();
  await mkdirWithin(paths.root, path.dirname(dst.abs));
  await fs.promises.rename(src.abs, dst.abs);
  await index.update([...moved.keys(), ...moved.values()]);

  const names = new Map<string, number>();
  for (const f of query.listFiles()) {
    if (f.kind === 'folder') continue;
    const k = path.posix.basename(f.path).toLowerCase();
    names.set(k, (names.get(k) ?? 0) + 1);
  }
  const edits = computeLinkEdits(links, {
    moved,
    resolve: (fromPath, target) => query.resolveLink(fromPath, target),
    nameCount: (fileName) => names.get(fileName.toLowerCase()) ?? 0,
  });
  // flashcards (practice, #15): the cards of the notes about to be rewritten, to follow a question whose link changes
  const rewriting = new Set(edits.keys());
  const cardsBefore = rewriting.size ? query.cards().filter((c) => rewriting.has(c.note)) : [];
  const rewritten: string[] = [];
  const failed: { path: string; reason: string }[] = [];
  // The move has happened: from here on a note that cannot be rewritten is reported in `failed`, never an error,
  // or the caller would believe the rename failed and keep using the old path.
  for (const [notePath, list] of edits) {
    try {
      // Through a symlinked note to its target (the link survives), which must itself be a writable vault path.
      const target = paths.confineReal(paths.resolve(notePath, { write: true }).abs, notePath);
      // Each rewrite checks that the file still holds what was read (another program may be appending to it):
      // on a change it is read and edited again, up to 5 times, so a concurrent edit is never overwritten.
      let done = false;
      for (let attempt = 0; attempt < 5 && !done; attempt++) {
        const before = await readRegularFile(target);
        const text = before.toString('utf8');
        const { content } = applyLinkEdits(text, list);
        if (content === text) {
          done = true;
          break;
        }
        try {
          await writeFileAtomic(target, content, { unchangedFrom: before });
        } catch (e) {
          if ((e as NodeJS.ErrnoException).code === 'EAGAIN') continue; // changed since read: read and edit again
          throw e;
        }
        rewritten.push(notePath);
        done = true;
      }
      if (!done)
        failed.push({ path: notePath, reason: 'the note kept changing on disk while its links were rewritten' });
    } catch (e) {
      failed.push({ path: notePath, reason: toApiError(e).message });
    }
  }
  rewritten.sort();
  failed.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const changed = [...new Set([...moved.values(), ...rewritten])];
  if (rewritten.length) await index.update(rewritten);
  // flashcards (practice, #15): the cards' review history follows the notes and the rewritten questions. The move
  // has happened: a failure here (lock timeout, damaged review file) is logged, never an error of the rename.
  const edited = new Set(rewritten);
  const renamedCards = rewrittenCardIds(
    cardsBefore.filter((c) => edited.has(c.note)),
    cardsBefore.length && rewritten.length ? query.cards().filter((c) => edited.has(c.note)) : [],
  );
  await moveReviewState(review, moved, renamedCards).then(
    (n) => {
      if (n > 0) ctx.reviewChanged();
    },
    (e: unknown) => console.error(`atlas: review history not moved with ${src.rel}: ${toApiError(e).message}`),
  );
  ctx.reportChange({ changed, deleted: [...moved.keys()].filter((k) => !changed.includes(k)) });
  return { from: src.rel, to: dst.rel, rewritten, failed };
}
