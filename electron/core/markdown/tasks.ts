/**
 * Obsidian's task list items: `- [c] text` with any single character `c` between the brackets is a task. `[ ]` is
 * open; every other character is checked: `[x]`/`[X]` done, and custom statuses such as `[/]`, `[-]`, `[>]`, `[!]`,
 * `[?]` that themes and the Tasks plugin style by the character (Obsidian's `data-task` attribute). GFM's task list
 * construct (micromark-extension-gfm-task-list-item) reads only `[ ]`, `[x]` and `[X]`; this construct, tried
 * alongside it with GFM on, reads the others with the same tokens, so mdast-util-gfm-task-list-item's paragraph
 * handling applies unchanged, and its exit handler records the character on the list item (`data.task`).
 */
import type { MdNode } from './nodes.ts';
import type { Code, State, Effects } from './micromark-types.ts';

// micromark character codes
const LEFT_BRACKET = 91;
const RIGHT_BRACKET = 93;
const SPACE = 32;

interface TokenizeContext {
  previous: Code;
  _gfmTasklistFirstContentOfListItem?: boolean;
}

/** micromark's markdownLineEndingOrSpace: a line ending, a tab or its virtual spaces, or a space. */
const lineEndingOrSpace = (code: Code) => code !== null && (code < 0 || code === SPACE);

/**
 * The check of a task list item: `[`, one character, `]`, then a space or tab before more text, or a line ending —
 * GFM's rule, with any character allowed where GFM allows only a space, `x` or `X`.
 */
function tokenizeTaskCheck(this: TokenizeContext, effects: Effects, ok: State, nok: State): State {
  const self = this;
  const open: State = (code) => {
    if (code !== LEFT_BRACKET || self.previous !== null || !self._gfmTasklistFirstContentOfListItem) return nok(code);
    effects.enter('taskListCheck');
    effects.enter('taskListCheckMarker');
    effects.consume(code);
    effects.exit('taskListCheckMarker');
    return inside;
  };
  const inside: State = (code) => {
    if (code === null) return nok(code);
    const type = lineEndingOrSpace(code) ? 'taskListCheckValueUnchecked' : 'taskListCheckValueChecked';
    effects.enter(type);
    effects.consume(code);
    effects.exit(type);
    return close;
  };
  const close: State = (code) => {
    if (code !== RIGHT_BRACKET) return nok(code);
    effects.enter('taskListCheckMarker');
    effects.consume(code);
    effects.exit('taskListCheckMarker');
    effects.exit('taskListCheck');
    return after;
  };
  const after: State = (code) => {
    if (code !== null && code < -2) return ok(code);
    if (code === SPACE || code === -1 || code === -2) return effects.check({ tokenize: spaceThenText }, ok, nok)(code);
    return nok(code);
  };
  return open;
}

/** Spaces or tabs, then anything but eof (GFM: a check must have text or a line ending after it). */
function spaceThenText(effects: Effects, ok: State, nok: State): State {
  const space: State = (code) => {
    if (code === SPACE || code === -1 || code === -2) {
      effects.consume(code);
      return space;
    }
    effects.exit('whitespace');
    return code === null ? nok(code) : ok(code);
  };
  return (code) => {
    effects.enter('whitespace');
    return space(code);
  };
}

const taskCheckConstruct = { name: 'obsidianTaskCheck', tokenize: tokenizeTaskCheck };

/** The micromark extension: the task check on `[`, before GFM's (same tokens, so either reads `[ ]`/`[x]` alike). */
export function taskStatusSyntax(): { text: Record<number, unknown> } {
  return { text: { [LEFT_BRACKET]: { ...taskCheckConstruct, add: 'before' } } };
}

interface CompileContext {
  stack: unknown[];
  sliceSerialize(token: unknown): string;
}

function exitCheck(this: CompileContext, token: { type: string }): void {
  // always in a paragraph in a list item (the construct only runs in a list item's first content)
  const item = this.stack[this.stack.length - 2] as MdNode;
  if (item.type !== 'listItem') return;
  const written = this.sliceSerialize(token);
  const status = token.type === 'taskListCheckValueChecked' ? written : ' ';
  item.checked = status !== ' ';
  item.data ??= {};
  item.data.task = status;
  item.data.hProperties = {
    ...(item.data.hProperties as Record<string, unknown> | undefined),
    className: item.checked ? ['task-list-item', 'is-checked'] : ['task-list-item'],
    dataTask: status,
  };
}

/**
 * The mdast extension: a task list item gets `checked` (false for `[ ]`, true for any other character, as Obsidian
 * shows it) and `data.task`, the character written (`' '` for an open task, `'x'`, `'/'`, `'-'` …), and renders as
 * `<li class="task-list-item [is-checked]" data-task="c">` (Obsidian's classes and attribute). Must come after
 * mdast-util-gfm-task-list-item's extension (its exit handlers for the check tokens are replaced).
 */
export const taskStatusFromMarkdown = {
  exit: { taskListCheckValueChecked: exitCheck, taskListCheckValueUnchecked: exitCheck },
};

/**
 * The status a click on a task's checkbox writes, as Obsidian's: an open task (`' '`) becomes done (`'x'`); a checked
 * one, `x` or a custom status such as `/` or `-`, becomes open (`' '`). `status` is the one character between the
 * brackets.
 */
export function toggledTaskStatus(status: string): string {
  return status === ' ' || status === '\t' ? 'x' : ' ';
}
