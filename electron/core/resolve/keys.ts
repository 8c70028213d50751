/**
 * Normalised lookup keys for link resolution (Obsidian's rules, as observed in Obsidian 1.13): a link target and a
 * vault path compare after trimming, Unicode NFC, dropping a trailing `.md` and lower-casing.
 */

/**
 * Lower-cased NFC key of a link target as written: `Note.md` → `note`, `b/Note` → `b/note`, `x.PNG` → `x.png`.
 * Spaces are trimmed after `.md` is dropped too, so a note named `trail .md` (a name ending in a space, which Linux
 * allows) is reached by `[[trail ]]`, `[[trail]]` and `[[trail .md]]`: link text is always trimmed, so the file's key
 * must be as well.
 */
export function targetKey(target: string): string {
  let t = target.trim().normalize('NFC').replace(/\\/g, '/');
  if (/\.md$/i.test(t)) t = t.slice(0, -3).trimEnd();
  return t.toLowerCase();
}

/** Key of a vault file: notes without `.md`, attachments with their extension; lower-cased NFC. */
export function pathKey(path: string): string {
  return targetKey(path);
}

/** Last `/`-separated segment of a key or path (the name a file is known by in links). */
export function lastSegment(key: string): string {
  const i = key.lastIndexOf('/');
  return i < 0 ? key : key.slice(i + 1);
}

/** Folder of a vault path (`a/b/c.md` → `a/b`, `c.md` → ``). */
export function dirOf(path: string): string {
  const i = path.lastIndexOf('/');
  return i < 0 ? '' : path.slice(0, i);
}

/** True for `.md` paths (case-insensitive), which are notes; every other file is an attachment. */
export { isNotePath } from '../markdown/text.ts';

/**
 * Joins a relative target (`../x/y`, `./y`, `y`) onto a folder; null when `..` climbs above the vault root.
 * A leading `/` means the vault root.
 */
export function joinRelative(dir: string, target: string): string | null {
  const parts = target.startsWith('/') ? [] : dir === '' ? [] : dir.split('/');
  for (const seg of target.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') {
      if (parts.length === 0) return null;
      parts.pop();
    } else parts.push(seg);
  }
  return parts.join('/');
}

/**
 * Key of a heading for anchor comparison: lower-cased letters, digits and marks only. Obsidian matches
 * `[[Note#Heading]]` case-insensitively and treats the characters it cannot keep in a link (`# | ^ : % [ ]`, other
 * punctuation) as insignificant; markdown links carry GitHub-style slugs (`#whats-in-a-foam` for "What's in a
 * Foam?"). Dropping every space, hyphen and punctuation mark makes all three spellings meet.
 */
export function headingKey(text: string): string {
  return text
    .normalize('NFC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\p{M}]+/gu, '');
}

/** Key of a block id (`^abc`): lower-cased, without the caret. */
export function blockKey(id: string): string {
  return id.trim().replace(/^\^/, '').toLowerCase();
}
