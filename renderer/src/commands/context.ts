/**
 * What commands can do to the app: the actions App provides to every command's `run` (set with `setAppContext`).
 * Keep it small; a feature with its own state registers its commands from its component instead (`useCommands`).
 */

/** How to open a note. */
export interface OpenOptions {
  /** 1-based line to put the cursor on and scroll to. */
  line?: number;
  /** A heading of the note to scroll to (as in `[[note#heading]]`; the last part of `#A#B`). */
  heading?: string;
  /** A block id of the note to scroll to, without `^` (as in `[[note#^id]]`). */
  block?: string;
  /**
   * Search words: scroll to the first line holding one of them (operators such as `tag:`, `OR`, `[p:v]` are skipped);
   * `line`, when given too, is where to go when none is found.
   */
  search?: string;
  /** Show the note in this view (a link followed in the reading view opens its target in the reading view). */
  mode?: 'reading' | 'source';
  /** With `line`: text on that line to select (case-insensitive, first occurrence), e.g. a search match. */
  select?: string;
  /**
   * Show the note where this pane left it: cursor and scroll, or the Reading view's scroll (Back/Forward, as
   * Obsidian restores a history entry); a note the pane never showed opens at its top.
   */
  restore?: boolean;
  /** Open in a new tab even when the current tab could show it. */
  newTab?: boolean;
  /** Open in the other pane, splitting the main area first when it is not split (VS Code's "Open to the Side"). */
  split?: boolean;
}

export interface AppContext {
  /** The vault path of the note in the active tab, or null (no tab, or a view tab such as the graph). */
  readonly activePath: string | null;
  /**
   * Opens a note (a vault path) in the active pane; with a line, heading, block or search words it scrolls there and
   * briefly highlights the target, in the editing and the reading view (renderer/src/navigation/reveal.ts).
   */
  openNote(path: string, opts?: OpenOptions): void;
  /**
   * Opens (or focuses) a main-area tab of a registered view kind (`graph`, `review`, …; see
   * `renderer/src/workspace/views.ts`).
   */
  openView(kind: string): void;
  /** Shows an error to the user (an alert). */
  showError(e: unknown): void;
  /** Saves every note with unsaved edits now (before the vault is switched, #12); absent in view-tab contexts. */
  flushAll?(): Promise<void>;
  /** Notes with unsaved edits in any pane (after `flushAll`: those that could not be saved); absent as above. */
  unsavedNotes?(): string[];
}
