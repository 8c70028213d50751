/** Vault-path helpers for the renderer (paths are vault-relative with `/`, as in electron/shared/api.ts). */

/** File name of a path: `a/b/c.md` → `c.md`. */
export function baseName(path: string): string {
  const i = path.lastIndexOf('/');
  return i < 0 ? path : path.slice(i + 1);
}

/** Parent folder of a path, '' for the vault root. */
export function parentFolder(path: string): string {
  const i = path.lastIndexOf('/');
  return i < 0 ? '' : path.slice(0, i);
}

/** A note's title is its file name without `.md` (Obsidian's rule); other files keep their extension. */
export { isNotePath, titleOf } from '../../electron/core/markdown/text.ts';

export function joinPath(folder: string, name: string): string {
  return folder ? `${folder}/${name}` : name;
}

/**
 * The vault path a name typed by the user stands for: a name containing `/` is taken as a vault path as typed (so
 * the backend judges `../x`), otherwise it goes into `folder`. `.md` is appended when `ext` is `.md` and missing.
 */
export function pathFromInput(input: string, folder: string, ext: string): string {
  const name = input.trim();
  const withExt = ext && !name.toLowerCase().endsWith(ext.toLowerCase()) ? name + ext : name;
  return name.includes('/') ? withExt : joinPath(folder, withExt);
}

/** Extension of a file name including the dot (`.md`, `.png`), or ''. */
export function extOf(path: string): string {
  const name = baseName(path);
  const i = name.lastIndexOf('.');
  return i > 0 ? name.slice(i) : '';
}
