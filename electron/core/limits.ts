/**
 * Size limits shared by every layer (defined once here; runtime-neutral).
 */

/**
 * Largest note, in bytes of UTF-8: a larger note is listed but not parsed (problem kind `too-large`), is not opened
 * in the editor (`readNote` rejects with `invalid-argument`) and cannot be saved (`writeNote`/`createNote` reject).
 */
export const MAX_NOTE_BYTES = 5 * 1024 * 1024;
