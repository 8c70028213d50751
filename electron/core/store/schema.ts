/**
 * The SQLite schema of the vault index. Bump `SCHEMA_VERSION` whenever the DDL or the meaning of a column changes:
 * a database with another `PRAGMA user_version` is deleted and rebuilt from the markdown (the source of truth). Bump it
 * too when the grammar reads a note differently (9: `[[a|]]` is a link; case twins resolve to the exact spelling; `$5 … $10` is not math; 10: `^[…]` inline
 * footnotes, so `^[a](u)` is a note and no link),
 * since a warm index parses only changed files. 11: the frontmatter's text is in the full-text index (`note_fts.frontmatter`).
 */
import { CARDS_SQL } from './card-store.ts';

export const SCHEMA_VERSION = 11;

export const SCHEMA_SQL = `
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;

-- Every file and folder of the vault. path is NFC; disk_path is the real on-disk relative path when it differs (NFD names).
CREATE TABLE files (
  path TEXT PRIMARY KEY,
  disk_path TEXT,
  kind TEXT NOT NULL CHECK (kind IN ('note', 'attachment', 'folder')),
  mtime REAL,
  size INTEGER,
  hash TEXT
) WITHOUT ROWID;

CREATE TABLE notes (
  id INTEGER PRIMARY KEY,
  path TEXT NOT NULL UNIQUE,
  title TEXT NOT NULL,
  title_lc TEXT NOT NULL,
  aliases_lc TEXT NOT NULL,
  properties TEXT NOT NULL,
  words INTEGER NOT NULL,
  cjk_chars INTEGER NOT NULL,
  frontmatter_lines INTEGER NOT NULL
);

CREATE TABLE note_text (note_id INTEGER PRIMARY KEY, mention_text TEXT NOT NULL);

CREATE TABLE aliases (note_id INTEGER NOT NULL, pos INTEGER NOT NULL, alias TEXT NOT NULL, alias_lc TEXT NOT NULL);
CREATE INDEX aliases_note ON aliases (note_id);
CREATE INDEX aliases_lc ON aliases (alias_lc);

CREATE TABLE tags (note_id INTEGER NOT NULL, tag TEXT NOT NULL, tag_lc TEXT NOT NULL);
CREATE INDEX tags_note ON tags (note_id);
CREATE INDEX tags_lc ON tags (tag_lc);

CREATE TABLE headings (note_id INTEGER NOT NULL, level INTEGER NOT NULL, text TEXT NOT NULL, line INTEGER NOT NULL, key TEXT NOT NULL);
CREATE INDEX headings_note ON headings (note_id, key);

CREATE TABLE blocks (note_id INTEGER NOT NULL, block_id TEXT NOT NULL, line INTEGER NOT NULL, key TEXT NOT NULL);
CREATE INDEX blocks_note ON blocks (note_id, key);

CREATE TABLE properties (note_id INTEGER NOT NULL, key TEXT NOT NULL, value TEXT NOT NULL);
CREATE INDEX properties_note ON properties (note_id);
CREATE INDEX properties_key ON properties (key);

-- target_name: last segment of the lower-cased NFC target key, so adding/removing a file or alias re-resolves only
-- the links that could name it. anchor_ok: NULL (no anchor or not a note), 1 found, 0 broken.
CREATE TABLE links (
  id INTEGER PRIMARY KEY,
  source_id INTEGER NOT NULL,
  kind TEXT NOT NULL,
  raw TEXT NOT NULL,
  target_text TEXT NOT NULL,
  target_name TEXT NOT NULL,
  heading TEXT,
  heading_key TEXT,
  block TEXT,
  block_key TEXT,
  alias TEXT,
  line INTEGER NOT NULL,
  context TEXT NOT NULL,
  relation TEXT,
  target TEXT,
  resolved_by TEXT,
  candidates TEXT,
  anchor_ok INTEGER
);
CREATE INDEX links_source ON links (source_id, line);
CREATE INDEX links_target ON links (target);
CREATE INDEX links_target_name ON links (target_name);
CREATE INDEX links_relation ON links (relation) WHERE relation IS NOT NULL;

-- source: 'file' (reading/parsing that file) or 'scan' (walking the vault, e.g. a symlink loop).
CREATE TABLE problems (path TEXT NOT NULL, source TEXT NOT NULL, kind TEXT NOT NULL, message TEXT NOT NULL, line INTEGER);
CREATE INDEX problems_path ON problems (path);

-- Full text; rowid = notes.id. trigram makes Chinese (no spaces) searchable; 1–2 character queries go through the
-- trigram vocabulary below. body is stored with two trailing newlines so that every occurrence of a 1–2 character
-- string starts some trigram. detail=none keeps only which notes hold a trigram (no positions) and columnsize=0 no
-- per-column sizes (nothing ranks by bm25): ~30 % less CPU to fill and half the size of detail=full (issue 13). A term
-- of 4+ characters is therefore matched as its trigrams ANDed and checked by a substring scan (matchNotes).
-- frontmatter: the YAML as written (between the --- lines, two trailing newlines like body; '' when none), so search
-- finds property text as Obsidian's does; unlinked mentions read note_text, never it. detail=none allows no column
-- filters, so a MATCH may find a note by its frontmatter alone: readers that want the body only verify on it.
CREATE VIRTUAL TABLE note_fts USING fts5 (title, aliases, body, frontmatter, tokenize = 'trigram', detail = none, columnsize = 0);
-- The trigram vocabulary: a 1–2 character query becomes an OR of the trigrams that start with it.
CREATE VIRTUAL TABLE note_fts_vocab USING fts5vocab (note_fts, row);
${CARDS_SQL}`;

/**
 * The secondary indexes, as `CREATE INDEX IF NOT EXISTS` statements. A cold index drops them while it bulk-loads and
 * builds each once at the end (`GraphStore.bulk`, `restoreIndexes`), which is cheaper than updating them row by row.
 */
export const DEFERRED_INDEX_SQL: string[] = (SCHEMA_SQL.match(/^CREATE INDEX [^;]+;$/gm) ?? []).map((s) =>
  s.replace('CREATE INDEX ', 'CREATE INDEX IF NOT EXISTS '),
);

/** Names of the indexes in DEFERRED_INDEX_SQL. */
export const BULK_DEFERRED_INDEXES: string[] = DEFERRED_INDEX_SQL.map(
  (s) => /IF NOT EXISTS (\w+)/.exec(s)?.[1] ?? '',
).filter((n) => n !== '');
