/**
 * What commands can do to the app: the actions App provides to every command's `run` (set with `setAppContext`).
 * Keep it small; a feature with its own state registers its commands from its component instead (`useCommands`).
 */

/** How to open a note. */
export interface OpenOptions {
  /** 1-based line to put the cursor on and scroll to. */
  line?: number;
  /** Open in a new tab even when the current tab could show it. */
  newTab?: boolean;
}

export interface AppContext {
  /** The vault path of the note in the active tab, or null (no tab, or a view tab such as the graph). */
  readonly activePath: string | null;
  /** Opens a note (a vault path) in the active pane. */
  openNote(path: string, opts?: OpenOptions): void;
  /**
   * Opens (or focuses) a main-area tab of a registered view kind (`graph`, `review`, …; see
   * `renderer/src/workspace/views.ts`).
   */
  openView(kind: string): void;
  /** Shows an error to the user (an alert). */
  showError(e: unknown): void;
}
