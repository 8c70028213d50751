/**
 * `<vault>/.atlas/settings.json`: the vault's settings (shape and defaults in electron/shared/settings.ts), read and
 * written here for the service.
 *
 * - Each known key is validated on its own (zod, `SETTING_SCHEMAS`): a missing or invalid value reads as its default
 *   and an invalid one is reported; the file keeps it until that setting is changed (never reset).
 * - Keys this version does not know are kept as they are, in their order.
 * - A file that is not a JSON object (or over 1 MiB, or not a regular file) is damaged: it is renamed to
 *   `settings.json.damaged-<UTC time>` beside it (never overwritten or deleted) and reported; defaults are used and
 *   the next change writes a fresh file.
 * - Writes are atomic (core/files/atomic-write.ts) and one at a time; each update reads the file fresh first, so an
 *   edit made by hand (or by another app on the same vault) since the last read is kept.
 */
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { writeFileAtomic } from '../core/files/atomic-write.ts';
import { readRegularFile } from '../core/files/regular-file.ts';
import {
  AUTOSAVE_RANGE,
  DEFAULT_SETTINGS,
  FONT_SIZE_RANGE,
  MAX_FLASHCARD_TAGS,
  MAX_HOME_NOTE_LENGTH,
  MAX_TAG_LENGTH,
  type SettingsSnapshot,
  type VaultSettings,
} from '../shared/settings.ts';
import { AtlasError } from './errors.ts';

export const SETTINGS_FILE = '.atlas/settings.json';
/** Largest settings file read, bytes (a bigger one is damaged: settings are a few hundred bytes). */
export const MAX_SETTINGS_BYTES = 1024 * 1024;

const tag = z
  .string()
  .trim()
  .transform((t) => t.replace(/^#/, ''))
  .pipe(
    z
      .string()
      .min(1, 'a tag must not be empty')
      .max(MAX_TAG_LENGTH)
      .regex(/^[^\s#,]+$/u, 'a tag has no spaces, commas or #'),
  );

/** The schema of each setting (the values the store accepts and reads). */
export const SETTING_SCHEMAS = {
  theme: z.enum(['system', 'light', 'dark']),
  fontSize: z.number().int().min(FONT_SIZE_RANGE.min).max(FONT_SIZE_RANGE.max),
  readableLineWidth: z.boolean(),
  strictLineBreaks: z.boolean(),
  autosaveDelayMs: z.number().int().min(AUTOSAVE_RANGE.min).max(AUTOSAVE_RANGE.max),
  defaultView: z.enum(['editing', 'reading']),
  defaultEditingMode: z.enum(['live-preview', 'source']),
  aliasResolution: z.boolean(),
  homeNote: z.string().trim().max(MAX_HOME_NOTE_LENGTH),
  flashcardTags: z.array(tag).min(1, 'at least one flashcard tag').max(MAX_FLASHCARD_TAGS),
} satisfies { [K in keyof VaultSettings]: z.ZodType<VaultSettings[K], unknown> };

const KEYS = Object.keys(SETTING_SCHEMAS) as (keyof VaultSettings)[];

/** The argument of `updateSettings`: some known settings, each valid (unknown keys are refused). */
export const settingsPatchSchema = z.strictObject(
  Object.fromEntries(KEYS.map((k) => [k, SETTING_SCHEMAS[k].optional()])) as {
    [K in keyof VaultSettings]: z.ZodOptional<(typeof SETTING_SCHEMAS)[K]>;
  },
);

type Raw = Record<string, unknown>;

function isRecord(v: unknown): v is Raw {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function stamp(): string {
  return new Date().toISOString().replace(/[:.]/g, '-');
}

export class SettingsStore {
  /** Absolute path of the settings file. */
  readonly file: string;
  /** Problems of the last read (see `SettingsSnapshot.problems`); a damaged file stays reported for this store's life. */
  private damaged: string | null = null;
  private queue: Promise<unknown> = Promise.resolve();

  /** `vaultRoot`: the vault's absolute (real) path. */
  constructor(vaultRoot: string) {
    this.file = path.join(vaultRoot, SETTINGS_FILE);
  }

  /** The raw object in the file ({} when there is none); a damaged file is moved aside first (and remembered). */
  private async readRaw(): Promise<Raw> {
    let text: string;
    try {
      const st = await fs.promises.stat(this.file);
      if (st.isFile() && st.size > MAX_SETTINGS_BYTES) return this.moveAside(`it is over ${MAX_SETTINGS_BYTES} bytes`);
      text = await readRegularFile(this.file, 'utf8');
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'ENOENT') return {};
      if (code === 'ENOTREG' || code === 'EISDIR') return this.moveAside('it is not a regular file');
      throw new AtlasError('io', `Cannot read ${SETTINGS_FILE}: ${(e as Error).message}`);
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(text.replace(/^\uFEFF/, ''));
    } catch (e) {
      return this.moveAside(`it is not valid JSON (${(e as Error).message})`);
    }
    if (!isRecord(parsed)) return this.moveAside('it is not a JSON object');
    return parsed;
  }

  private async moveAside(why: string): Promise<Raw> {
    const kept = `${this.file}.damaged-${stamp()}`;
    try {
      await fs.promises.rename(this.file, kept);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT')
        throw new AtlasError('io', `${SETTINGS_FILE} is damaged (${why}) and could not be moved aside`);
      return {};
    }
    this.damaged = `${SETTINGS_FILE} was damaged (${why}); it was moved to ${SETTINGS_FILE}${kept.slice(this.file.length)} and the default settings are used`;
    return {};
  }

  private snapshotOf(raw: Raw): SettingsSnapshot {
    const values = { ...DEFAULT_SETTINGS, flashcardTags: [...DEFAULT_SETTINGS.flashcardTags] } as VaultSettings;
    const problems = this.damaged ? [this.damaged] : [];
    for (const k of KEYS) {
      if (!Object.hasOwn(raw, k)) continue;
      const r = SETTING_SCHEMAS[k].safeParse(raw[k]);
      if (r.success) (values as unknown as Raw)[k] = r.data;
      else
        problems.push(
          `${SETTINGS_FILE}: ${k} ${JSON.stringify(raw[k])?.slice(0, 80)} is invalid (${r.error.issues[0]?.message}); the default ${JSON.stringify(DEFAULT_SETTINGS[k])} is used`,
        );
    }
    return { values, problems };
  }

  /** Reads the settings (fresh from disk). Throws `AtlasError('io')` when the file exists but cannot be read. */
  read(): Promise<SettingsSnapshot> {
    return this.serial(async () => this.snapshotOf(await this.readRaw()));
  }

  /**
   * Validates `patch` (`settingsPatchSchema`; throws `AtlasError('invalid-argument')`), merges it into the file as it
   * is on disk now (unknown keys kept) and writes it atomically. Returns the new snapshot and the keys whose value
   * changed.
   */
  async update(patch: unknown): Promise<{ snapshot: SettingsSnapshot; changed: (keyof VaultSettings)[] }> {
    const parsed = settingsPatchSchema.safeParse(patch);
    if (!parsed.success) {
      const i = parsed.error.issues[0];
      throw new AtlasError('invalid-argument', `settings: ${i.path.join('.') || 'value'}: ${i.message}`);
    }
    return this.serial(async () => {
      const raw = await this.readRaw();
      const before = this.snapshotOf(raw).values;
      const next: Raw = { ...raw };
      for (const [k, v] of Object.entries(parsed.data)) if (v !== undefined) next[k] = v;
      // `.atlas/` if needed, never the vault folder itself (renamed away while running: nothing is recreated)
      await writeFileAtomic(this.file, `${JSON.stringify(next, null, 2)}\n`, {
        mkdirWithin: path.dirname(path.dirname(this.file)),
      });
      const snapshot = this.snapshotOf(next);
      const changed = KEYS.filter((k) => JSON.stringify(before[k]) !== JSON.stringify(snapshot.values[k]));
      return { snapshot, changed };
    });
  }

  private serial<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.queue.then(fn, fn);
    this.queue = run.catch(() => undefined);
    return run;
  }
}
