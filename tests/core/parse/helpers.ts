/** Shorthands for the parser tests: real remark, no mocks. */
import type { LinkFact, ParsedNote } from '../../../electron/core/model.ts';
import { parseNote } from '../../../electron/core/parse/index.ts';

export function parse(text: string, path = 'note.md'): ParsedNote {
  return parseNote(path, text);
}

/** Links as compact objects with only the fields given (default: kind, raw, target). */
export function links(
  text: string,
  fields: Array<keyof LinkFact> = ['kind', 'raw', 'target'],
): Array<Partial<LinkFact>> {
  return parse(text).links.map((l) => Object.fromEntries(fields.map((f) => [f, l[f]])) as Partial<LinkFact>);
}

export function targets(text: string): string[] {
  return parse(text).links.map((l) => l.target);
}

/** Line N (1-based) of s. */
export function lineOf(s: string, n: number): string {
  return s.split('\n')[n - 1];
}
