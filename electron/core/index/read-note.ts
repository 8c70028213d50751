/**
 * Reading and parsing one note file: shared by the parse workers and the in-thread path.
 * Never throws: an unreadable, binary, badly encoded or oversized file becomes an empty note with a problem,
 * so the rest of the vault is unaffected and the file still answers links by its name.
 */
import { createHash } from 'node:crypto';
import type { ParsedNote, ProblemFact } from '../model.ts';
import { decodeNote, parseNote, textStats, titleOf } from '../parse/index.ts';
import { findFrontmatter, parseFrontmatter } from '../markdown/frontmatter.ts';
import type { VaultFs } from './vault-fs.ts';

import { MAX_NOTE_BYTES } from '../limits.ts';

export interface ParseTask {
  /** Vault-relative NFC path. */
  path: string;
  /** Absolute on-disk path to read. */
  absPath: string;
  /** Size from the scan, bytes. */
  size: number;
  /** sha256 hex stored for this file; when the content still hashes to it, the note is not re-parsed. */
  oldHash: string | null;
}

export type ParseResult =
  | {
      path: string;
      status: 'parsed';
      /** null when the content could not be read (or was not, for `too-large`). */
      hash: string | null;
      /** Bytes read and parsed (0 when not read). */
      bytes: number;
      note: ParsedNote;
    }
  | { path: string; status: 'unchanged'; hash: string }
  | { path: string; status: 'missing' };

/** The bytes of a note file (see `VaultFs.readFile`: refuses anything that is not a regular file). */
function readNoteBytes(fsx: VaultFs, absPath: string): Uint8Array {
  return fsx.readFile(absPath);
}

export function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** An empty note for `path` carrying `problems` (used when the content cannot be parsed). */
export function emptyNote(path: string, problems: ProblemFact[]): ParsedNote {
  return { ...parseNote(path, ''), problems };
}

/**
 * The plain-text fallback of a note the parser could not handle (over its time budget, crashed, threw): title,
 * frontmatter (aliases, tags, properties, property links) and the whole body as text for search and mentions; no
 * links, headings or blocks from the body. Linear in the text. `problem` is reported first.
 */
export function fallbackNote(path: string, text: string, problem: ProblemFact): ParsedNote {
  let t = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (t.indexOf('\r') !== -1) t = t.replace(/\r\n?/g, '\n');
  let fm = null;
  let facts = null;
  try {
    fm = findFrontmatter(t);
    facts = fm ? parseFrontmatter(fm) : null;
  } catch {
    fm = null;
  }
  const body = fm ? t.slice(fm.bodyStart) : t;
  const blankedFm = fm ? t.slice(0, fm.bodyStart).replace(/[^\n]/g, ' ') : '';
  return {
    path,
    title: titleOf(path),
    aliases: [...new Set(facts?.aliases ?? [])],
    tags: [...new Set(facts?.tags ?? [])],
    headings: [],
    blocks: [],
    properties: facts?.properties ?? {},
    links: facts?.links ?? [],
    body,
    frontmatter: fm ? fm.yaml : '',
    mentionText: blankedFm + body,
    ...textStats(body),
    frontmatterLines: fm ? fm.lines : 0,
    problems: [problem, ...(facts?.problems ?? [])],
  };
}

/**
 * The note's bytes, or the result to record when they cannot be read: `missing` for a file gone since the scan
 * (ENOENT/ENOTDIR), else an empty note with `problems` plus an `unreadable` problem naming the error code.
 */
function readOrResult(fsx: VaultFs, task: ParseTask, problems: ProblemFact[]): Uint8Array | ParseResult {
  try {
    return readNoteBytes(fsx, task.absPath);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException)?.code ?? String(e);
    if (code === 'ENOENT' || code === 'ENOTDIR') return { path: task.path, status: 'missing' };
    const note = emptyNote(task.path, [...problems, { kind: 'unreadable', message: `cannot read (${code})` }]);
    return { path: task.path, status: 'parsed', hash: null, bytes: 0, note };
  }
}

/** Reads a note and indexes it from `fallbackNote` with `problem` (a worker ran over budget or crashed on it). */
export function readFallback(fsx: VaultFs, task: ParseTask, problem: ProblemFact): ParseResult {
  const { path } = task;
  const read = readOrResult(fsx, task, [problem]);
  if (!(read instanceof Uint8Array)) return read;
  const bytes = read;
  const decoded = decodeNote(bytes);
  const note =
    decoded.text === null ? emptyNote(path, [problem, ...decoded.problems]) : fallbackNote(path, decoded.text, problem);
  return { path, status: 'parsed', hash: sha256(bytes), bytes: bytes.length, note };
}

export function readAndParse(fsx: VaultFs, task: ParseTask): ParseResult {
  const { path } = task;
  if (task.size > MAX_NOTE_BYTES) {
    const problem = {
      kind: 'too-large',
      message: `${task.size} bytes is over the ${MAX_NOTE_BYTES} byte limit; not parsed`,
    };
    return { path, status: 'parsed', hash: null, bytes: 0, note: emptyNote(path, [problem]) };
  }
  const read = readOrResult(fsx, task, []);
  if (!(read instanceof Uint8Array)) return read;
  const bytes = read;
  const hash = sha256(bytes);
  if (hash === task.oldHash) return { path, status: 'unchanged', hash };
  if (bytes.length > MAX_NOTE_BYTES) {
    const problem = {
      kind: 'too-large',
      message: `${bytes.length} bytes is over the ${MAX_NOTE_BYTES} byte limit; not parsed`,
    };
    return { path, status: 'parsed', hash, bytes: 0, note: emptyNote(path, [problem]) };
  }
  let note: ParsedNote;
  try {
    const decoded = decodeNote(bytes);
    if (decoded.text === null) note = emptyNote(path, decoded.problems);
    else {
      note = parseNote(path, decoded.text);
      // the parser caught an error of its own (e.g. a stack overflow on deep nesting): keep frontmatter and text
      const failed = note.problems.find((p) => p.kind === 'parse');
      if (failed) note = fallbackNote(path, decoded.text, failed);
      if (decoded.problems.length) note = { ...note, problems: [...decoded.problems, ...note.problems] };
    }
  } catch (e) {
    // the parser promises not to throw; if it does, the note is still recorded and the vault indexing goes on
    const problem = { kind: 'parse', message: `parser failed: ${(e as Error)?.message ?? String(e)}` };
    const decoded = decodeNote(bytes);
    note = decoded.text === null ? emptyNote(path, [problem]) : fallbackNote(path, decoded.text, problem);
  }
  return { path, status: 'parsed', hash, bytes: bytes.length, note };
}

const WARM_UP_SAMPLE = `---
aliases: [预热]
tags: [warm/up]
prerequisites: ["[[a]]"]
---
# Warm up 预热

Text with [[a]], [[b#H|alias]], ![[c.png]], [md](d.md), #tag and \`code\`. ^blk

| a | b |
|---|---|
| [[x\\|y]] | 2 |

\`\`\`go
func main() {}
\`\`\`
%% comment %%
`;

/**
 * Runs the parser a few times on a small sample and returns the result. Its first calls on a thread pay for lazy
 * initialisation and JIT warm-up (~100–300 ms); doing that in idle time keeps the first saved notes' updates fast.
 */
export function warmUpParser(rounds = 10): ParsedNote {
  let note = parseNote('.atlas-warm-up.md', WARM_UP_SAMPLE);
  for (let i = 1; i < rounds; i++) note = parseNote('.atlas-warm-up.md', WARM_UP_SAMPLE);
  return note;
}
