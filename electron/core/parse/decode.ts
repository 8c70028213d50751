/**
 * Bytes → text for a note file: strips a UTF-8 BOM, refuses binary files (NUL bytes), and decodes invalid UTF-8
 * with U+FFFD replacement characters (the note is still indexed, with an `encoding` problem).
 * Size limits are the indexer's business.
 */
import { isUtf8 } from 'node:buffer';
import type { ProblemFact } from '../model.ts';

const utf8 = new TextDecoder('utf-8', { fatal: false, ignoreBOM: true });

export function decodeNote(bytes: Uint8Array): { text: string | null; problems: ProblemFact[] } {
  let b = bytes;
  if (b.length >= 3 && b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) b = b.subarray(3);
  if (b.indexOf(0) !== -1) {
    return { text: null, problems: [{ kind: 'binary', message: 'file contains NUL bytes: not a text note' }] };
  }
  const text = utf8.decode(b);
  if (isUtf8(b)) return { text, problems: [] };
  const first = text.indexOf('\uFFFD');
  const problem: ProblemFact = { kind: 'encoding', message: 'invalid UTF-8: bad bytes were replaced with U+FFFD' };
  if (first !== -1) {
    let line = 1;
    for (let i = text.indexOf('\n'); i !== -1 && i < first; i = text.indexOf('\n', i + 1)) line++;
    problem.line = line;
  }
  return { text, problems: [problem] };
}
