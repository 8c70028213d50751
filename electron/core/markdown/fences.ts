/**
 * CommonMark's fenced-code fence lines, as the editor's windowed reads need them without a parse: which line opens a
 * fence and which line closes it (spans.ts `openFenceAt` pairs them to find a window start outside code; preview.ts
 * checks that a code block read in a window is closed). The parse itself (micromark) stays the judge of everything
 * else; fences inside block quotes or indented list items are not told apart here.
 */

/** An opening fence: its character (`` ` `` or `~`) and how many of it. */
export interface Fence {
  ch: string;
  len: number;
}

/** A fence line: at most 3 spaces in, then 3+ backticks or tildes, and the rest of the line. */
export const FENCE_LINE = /^ {0,3}(`{3,}|~{3,})(.*)$/gm;

/** The fence that `run` (the backticks or tildes) followed by `rest` opens, or null (a backtick info string holds no backtick). */
export function opening(run: string, rest: string): Fence | null {
  return run[0] === '`' && rest.includes('`') ? null : { ch: run[0], len: run.length };
}

/** Whether `run` followed by `rest` closes `open`: the same character, at least as many, nothing after it. */
export function closes(open: Fence, run: string, rest: string): boolean {
  return run[0] === open.ch && run.length >= open.len && rest.trim() === '';
}
