/**
 * The few micromark tokenizer types our own constructs (embed.ts, tasks.ts, inline-footnotes.ts) use, loosely typed:
 * micromark-util-types ties `enter`/`exit` to its registered token-type map, and our token types are our own strings.
 * Shapes as micromark 4 passes them: a character code (`null` at the end, negative for line endings and virtual
 * spaces), a state function returning the next state, the tokenizer's effects.
 */
export type Code = number | null;
export type State = (code: Code) => State | undefined;
export interface Token {
  next?: Token;
}
export interface Effects {
  enter(type: string, fields?: Record<string, unknown>): Token;
  exit(type: string): unknown;
  consume(code: Code): void;
  check(construct: { tokenize: unknown }, ok: State, nok: State): State;
}
