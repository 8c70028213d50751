/**
 * Property readers: the learning properties of a note, `level`, `estimate` and `type` (frontmatter, as parsed
 * YAML). Below both the queries (graph node levels) and the learning engine, which read them.
 */

/** Level names of the seed roadmap (初级 junior → 专家 expert) and their English equivalents, mapped to 1..4. */
const LEVEL_NAMES: Record<string, number> = {
  初级: 1,
  高级: 2,
  资深: 3,
  专家: 4,
  junior: 1,
  senior: 2,
  staff: 3,
  expert: 4,
};

/**
 * The `level` property as 1..4: a number 1–4 (or its string, e.g. `"3"`), or a roadmap name
 * (初级 / 高级 / 资深 / 专家, junior / senior / staff / expert, case-insensitive). Anything else → null.
 */
export function parseLevel(value: unknown): number | null {
  if (Array.isArray(value)) value = value[0];
  if (typeof value === 'number') return Number.isInteger(value) && value >= 1 && value <= 4 ? value : null;
  if (typeof value !== 'string') return null;
  const s = value.trim().toLowerCase();
  if (/^[1-4]$/.test(s)) return Number(s);
  return LEVEL_NAMES[s] ?? null;
}

/**
 * The `estimate` property in minutes: a positive number (minutes) or a string such as `"15 min"`, `"15m"`,
 * `"20 minutes"`, `"1.5 h"`, `"2 hours"`, `"15分钟"`, `"1小时"`; rounded up to a whole minute. Anything else → null.
 */
export function parseEstimate(value: unknown): number | null {
  if (typeof value === 'number') return Number.isFinite(value) && value > 0 ? Math.ceil(value) : null;
  if (typeof value !== 'string') return null;
  const m = /^\s*(\d+(?:\.\d+)?)\s*(min|mins|minute|minutes|m|分钟|分|h|hr|hrs|hour|hours|小时)?\s*$/i.exec(value);
  if (!m) return null;
  const n = Number(m[1]);
  const hours = /^(h|hr|hrs|hour|hours|小时)$/i.test(m[2] ?? '');
  const minutes = hours ? n * 60 : n;
  return minutes > 0 ? Math.ceil(minutes) : null;
}

/** Reading speeds behind derived estimates: Latin-script words and CJK characters per minute. */
export const WORDS_PER_MIN = 200;
export const CJK_CHARS_PER_MIN = 400;

/**
 * Reading time of a note without an `estimate`: ceil(words / 200 + cjkChars / 400) minutes, at least 1.
 * (200 English words/min and 400 Chinese characters/min are common silent-reading rates for study material.)
 */
export function estimateFromLength(words: number, cjkChars: number): number {
  return Math.max(1, Math.ceil(words / WORDS_PER_MIN + cjkChars / CJK_CHARS_PER_MIN));
}

/** The `type` property, lower-cased (first entry when a list); null when absent. `type: path` marks a curated path. */
export function parseType(value: unknown): string | null {
  if (Array.isArray(value)) value = value[0];
  return typeof value === 'string' && value.trim() !== '' ? value.trim().toLowerCase() : null;
}
