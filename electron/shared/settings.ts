/**
 * The per-vault settings of Concept Atlas, kept in `<vault>/.atlas/settings.json` (as Obsidian keeps its own in
 * `.obsidian/app.json` and `appearance.json`): their shape, limits and defaults. Runtime-neutral (no imports), shared
 * by the settings store (electron/services/settings-store.ts, which validates with zod), the API contract and the
 * renderer's Settings dialog.
 *
 * The file may hold keys this version does not know (a newer version's, a user's own): they are kept as they are.
 */

/** Colour scheme: Obsidian's "Base color scheme" (Adapt to system / Light / Dark). */
export type ThemeSetting = 'system' | 'light' | 'dark';

/** What a newly opened tab shows: Obsidian's "Default view for new tabs" (Editing view / Reading view). */
export type DefaultViewSetting = 'editing' | 'reading';

/**
 * How the editing view shows a note: Obsidian's "Default editing mode" (Live Preview: formatting hidden off the cursor
 * line; Source mode: the markdown as written). Obsidian keeps it as `livePreview: boolean` in `.obsidian/app.json`.
 */
export type EditingModeSetting = 'live-preview' | 'source';

export interface VaultSettings {
  // ---------- Appearance ----------
  theme: ThemeSetting;
  /**
   * Editor and reading-view font size, CSS px, `FONT_SIZE_RANGE` (Obsidian's "Font size"; our default 14, the size
   * the app had before settings, Obsidian's is 16).
   */
  fontSize: number;
  // ---------- Editor ----------
  /** Cap the text column at a readable width (Obsidian's "Readable line length", ~700 px). */
  readableLineWidth: boolean;
  /**
   * Obsidian's "Strict line breaks": true follows the Markdown spec (a single line break inside a paragraph is a
   * space in the Reading view); false, Obsidian's default, shows it as a line break (remark-breaks).
   */
  strictLineBreaks: boolean;
  /** Quiet time after the last keystroke before a note is saved, ms, `AUTOSAVE_RANGE`. */
  autosaveDelayMs: number;
  defaultView: DefaultViewSetting;
  /**
   * The editing mode of every editor tab not switched by "Toggle Live Preview/Source mode" (that command switches the
   * current tab only, as in Obsidian). renderer/src/editor/source-mode.ts.
   */
  defaultEditingMode: EditingModeSetting;
  // ---------- Files and links ----------
  /**
   * Whether a wiki link may resolve through a note's alias when no file name matches (our rule 4, beyond Obsidian;
   * off: links resolve exactly as in Obsidian). electron/core/resolve/name-table.ts.
   */
  aliasResolution: boolean;
  /**
   * The note opened on start (a vault path such as `Home.md`; the `.md` may be left out), as the Obsidian Homepage
   * plugin's "Homepage". Empty: a root note named home/index/readme/start/首页/目录 or tagged `home`/`moc`, else the
   * Welcome screen (renderer/src/shell/start-note.ts). At most `MAX_HOME_NOTE_LENGTH` characters.
   */
  homeNote: string;
  // ---------- Flashcards (#15) ----------
  /**
   * Tags that mark a note's flashcards (the Obsidian Spaced Repetition plugin's "Flashcard tags", default
   * `flashcards`), without `#`; nested tags (`flashcards/go`) count. electron/core/markdown/cards.ts.
   */
  flashcardTags: string[];
}

/** Accepted font sizes, px (inclusive). */
export const FONT_SIZE_RANGE = { min: 10, max: 32 } as const;
/** Accepted autosave delays, ms (inclusive). */
export const AUTOSAVE_RANGE = { min: 100, max: 60_000 } as const;
/** Most flashcard tags, and the longest one (characters). */
export const MAX_FLASHCARD_TAGS = 20;
export const MAX_TAG_LENGTH = 100;
/** Longest home-note path accepted (characters). */
export const MAX_HOME_NOTE_LENGTH = 1024;

export const DEFAULT_SETTINGS: Readonly<VaultSettings> = Object.freeze({
  theme: 'system',
  fontSize: 14,
  readableLineWidth: true,
  strictLineBreaks: false,
  autosaveDelayMs: 600,
  defaultView: 'editing',
  defaultEditingMode: 'live-preview',
  aliasResolution: true,
  homeNote: '',
  flashcardTags: ['flashcards'],
});

/** The vault's settings as read: the values (defaults where the file has none or an invalid one) and what was wrong. */
export interface SettingsSnapshot {
  values: VaultSettings;
  /**
   * Problems met reading the file, as sentences for the user: a damaged file (moved aside to
   * `.atlas/settings.json.damaged-<time>`, never reset) or a value that is invalid (its default is used; the file keeps
   * the value until the setting is changed). Empty when all is well.
   */
  problems: string[];
}
