/**
 * The vault health report (`check`): the index part (links, anchors, problems, orphans) and the prerequisite part.
 * Composed once, by `check()` in electron/core/check.ts, for the service and the CLI.
 *
 * Domain types of the core (runtime-neutral, types only), re-exported unchanged by the API contract
 * (electron/shared/api.ts). Paths are vault-relative with `/` separators; lines are 1-based.
 */

/** What the index alone reports (electron/core/query/index-report.ts). */
export interface IndexReport {
  unresolved: { source: string; raw: string; line: number }[];
  /** Links with several candidates: `chosen` is the one rule 3 picked, or null for an alias shared by several notes (rule 4: none). */
  ambiguous: { source: string; raw: string; line: number; candidates: string[]; chosen: string | null }[];
  brokenAnchors: { source: string; raw: string; line: number; target: string }[];
  problems: { path: string; kind: string; message: string }[];
  orphans: string[];
}

/** What the prerequisite graph reports (electron/core/learning). */
export interface PrerequisiteReport {
  /** Prerequisite cycles, each the list of its member note paths (sorted by level, then title). */
  cycles: string[][];
  /** `prerequisites` links that resolve to no note. */
  missingPrerequisites: { source: string; raw: string }[];
}

/** The whole report of `check`: index report plus prerequisite report, and the links only an alias resolves. */
export interface CheckReport extends IndexReport, PrerequisiteReport {
  /**
   * Links that resolve only through a note's alias (rule 4, beyond Obsidian): not errors here, but Obsidian would
   * leave them unresolved (the Vault health view lists them; #12).
   */
  aliasLinks: { source: string; raw: string; line: number; target: string }[];
}
