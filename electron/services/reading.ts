/**
 * The reading view's backend methods (`embed`, `resolveLinks` of `AtlasApi`): what an embed shows, and how each wiki
 * link of a note resolves (unresolved, through an alias only, to a heading or block that does not exist).
 * Paths are confined by `VaultPaths`; note text is read through `readNote` (its size cap applies) and parsed by the
 * one grammar (electron/core/parse) before `noteExcerpt` cuts the section or block.
 */
import type { EmbedContent, LinkQuery, LinkState } from '../shared/api.ts';
import type { VaultQuery } from '../core/query/vault-query.ts';
import { parseNote } from '../core/parse/index.ts';
import { noteExcerpt } from '../core/query/excerpt.ts';
import { blockKey, headingKey, isNotePath, lastSegment, pathKey, targetKey } from '../core/resolve/keys.ts';
import { AtlasError } from './errors.ts';
import { readNote } from './vault-files.ts';
import type { VaultPaths } from './vault-paths.ts';

export interface ReadingApi {
  embed(fromPath: string, target: string, heading?: string | null, block?: string | null): Promise<EmbedContent>;
  resolveLinks(fromPath: string, links: LinkQuery[]): Promise<LinkState[]>;
}

export function createReadingApi(query: VaultQuery, paths: VaultPaths): ReadingApi {
  const resolve = (from: string, target: string): string | null => {
    if (target.includes('\0')) throw new AtlasError('invalid-argument', 'Link target contains a NUL byte');
    // `[[#heading]]` points into the note itself.
    return target.trim() === '' ? from : query.resolveLink(from, target);
  };

  return {
    async embed(fromPath, target, heading, block) {
      const from = paths.resolve(fromPath).rel;
      const path = resolve(from, target);
      if (!path) return { path: null, kind: 'unresolved', markdown: '', line: 1, missing: null, truncated: false };
      if (!isNotePath(path))
        return { path, kind: 'attachment', markdown: '', line: 1, missing: null, truncated: false };
      const note = await readNote(paths, path);
      const parsed = parseNote(path, note.content);
      const ex = noteExcerpt(note.content, parsed, block ? null : (heading ?? null), block ?? null);
      return { path, kind: 'note', markdown: ex.text, line: ex.line, missing: ex.missing, truncated: ex.truncated };
    },

    async resolveLinks(fromPath, links) {
      const from = paths.resolve(fromPath).rel;
      const infos = new Map<string, ReturnType<VaultQuery['noteInfo']>>();
      const info = (p: string) => {
        if (!infos.has(p)) infos.set(p, query.noteInfo(p));
        return infos.get(p) ?? null;
      };
      return links.map(({ target, heading, block }) => {
        const path = resolve(from, target);
        if (!path) return { path: null, viaAlias: false, anchor: null };
        // Path, folder and shortest-path matches all end in the file's own name; anything else matched an alias.
        const viaAlias = target.trim() !== '' && lastSegment(targetKey(target)) !== lastSegment(pathKey(path));
        let anchor: LinkState['anchor'] = null;
        if ((heading || block) && isNotePath(path)) {
          const n = info(path);
          const ok = block
            ? (n?.blocks ?? []).some((b) => blockKey(b) === blockKey(block))
            : (n?.headings ?? []).some((h) => headingKey(h.text) === headingKey(heading!));
          anchor = ok ? 'found' : 'missing';
        }
        return { path, viaAlias, anchor };
      });
    },
  };
}
