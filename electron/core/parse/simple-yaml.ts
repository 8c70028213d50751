/**
 * A fast reader for the frontmatter most notes have, so that the `yaml` package (≈100 µs a call, a fifth of a
 * note's parse) runs only for the rest:
 *
 *   key: plain scalar | "double quoted" | 'single quoted' | [flow, "list", of, scalars] | (nothing)
 *   key:
 *     - block list item (same kinds of scalar)
 *   # comment lines, blank lines
 *
 * It answers exactly what `yaml` (core schema + timestamps, as parseFrontmatter runs it) would, turned into JSON
 * (a date `2024-01-05` → "2024-01-05"), or null when the text holds anything else or anything it is not sure of:
 * escapes, anchors, tags, block scalars, nested maps, exponents, hex/octal, times, duplicate keys, comments after
 * values, tabs. The differential test in tests/parse/simple-yaml.test.ts holds it to that.
 */

/** A string value that came from the YAML, with where its text starts (for wiki links inside it). */
export interface YamlString {
  key: string;
  value: string;
  /** Offset in the YAML text of value[0]. */
  offset: number;
  /** 0-based line in the YAML text. */
  line: number;
}

export interface SimpleYaml {
  data: Record<string, unknown>;
  strings: YamlString[];
}

const KEY_LINE = /^([A-Za-z_\p{L}][\p{L}\p{N}_ ./-]*?)[ \t]*:(?:[ \t]+(.*?))?[ \t]*$/u;
const ITEM_LINE = /^( *)-(?:[ \t]+(.*?))?[ \t]*$/;
const RESERVED_KEYS = new Set(['null', 'Null', 'NULL', 'true', 'True', 'TRUE', 'false', 'False', 'FALSE']);
/** Characters that may not start a plain scalar (or make it something else). */
const INDICATOR = /^[-?:,[\]{}#&*!|>'"%@`~=<.+]/;
const SAFE_INT = /^(?:0|[1-9][0-9]{0,14})$/;
const SIMPLE_FLOAT = /^[0-9]{1,15}\.[0-9]{1,15}$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const NOT_SURE = -1 as const;

interface Scalar { value: unknown; isString: boolean; offset: number }

/** A plain or quoted scalar (no flow list). `at` is the offset of s[0] in the YAML. */
function scalar(s: string, at: number, flow: boolean): Scalar | typeof NOT_SURE {
  const c = s.charCodeAt(0);
  if (c === 34 /* " */) {
    if (s.length < 2 || s.indexOf('"', 1) !== s.length - 1 || s.indexOf('\\') !== -1) return NOT_SURE;
    return { value: s.slice(1, -1), isString: true, offset: at + 1 };
  }
  if (c === 39 /* ' */) {
    if (s.length < 2 || s.indexOf("'", 1) !== s.length - 1) return NOT_SURE;
    return { value: s.slice(1, -1), isString: true, offset: at + 1 };
  }
  if (s === '') return NOT_SURE;
  if (INDICATOR.test(s)) return NOT_SURE;
  if (s.indexOf(': ') !== -1 || s.indexOf(' #') !== -1 || s.endsWith(':') || s.indexOf('\t') !== -1) return NOT_SURE;
  if (flow && (s.indexOf(':') !== -1 || /[[\]{}"']/.test(s))) return NOT_SURE;
  if (s === 'null' || s === 'Null' || s === 'NULL') return { value: null, isString: false, offset: at };
  if (s === 'true' || s === 'True' || s === 'TRUE') return { value: true, isString: false, offset: at };
  if (s === 'false' || s === 'False' || s === 'FALSE') return { value: false, isString: false, offset: at };
  if (c >= 48 && c <= 57) {
    if (SAFE_INT.test(s) || SIMPLE_FLOAT.test(s)) return { value: Number(s), isString: false, offset: at };
    const d = DATE.exec(s);
    if (d) {
      // yaml makes a Date of it (rolling over an impossible day); only a real calendar date is answered here.
      const y = +d[1], m = +d[2], day = +d[3];
      const t = new Date(Date.UTC(y, m - 1, day));
      if (t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === day && y >= 1000) {
        return { value: s, isString: false, offset: at };
      }
    }
    return NOT_SURE;
  }
  return { value: s, isString: true, offset: at };
}

/** `[a, "b", 'c']` → items, or NOT_SURE. `at` is the offset of the `[`. */
function flowList(s: string, at: number): Scalar[] | typeof NOT_SURE {
  const inner = s.slice(1, -1);
  if (inner.trim() === '') return [];
  if (inner.trimEnd().endsWith(',')) return NOT_SURE;
  const items: Scalar[] = [];
  let i = 0;
  const n = inner.length;
  while (i <= n) {
    while (i < n && inner.charCodeAt(i) === 32) i++;
    const q = inner.charCodeAt(i);
    let end: number;
    let text: string;
    if (q === 34 || q === 39) {
      const close = inner.indexOf(q === 34 ? '"' : "'", i + 1);
      if (close === -1) return NOT_SURE;
      text = inner.slice(i, close + 1);
      end = close + 1;
      while (end < n && inner.charCodeAt(end) === 32) end++;
      if (end < n && inner.charCodeAt(end) !== 44) return NOT_SURE;
    } else {
      end = inner.indexOf(',', i);
      if (end === -1) end = n;
      text = inner.slice(i, end).trimEnd();
    }
    if (text === '') return NOT_SURE;
    const v = scalar(text, at + 1 + i, true);
    if (v === NOT_SURE) return NOT_SURE;
    items.push(v);
    i = end + 1;
  }
  return items;
}

function value(s: string, at: number): { value: unknown; strings: Scalar[] } | typeof NOT_SURE {
  if (s.charCodeAt(0) === 91 /* [ */) {
    if (!s.endsWith(']')) return NOT_SURE;
    const items = flowList(s, at);
    if (items === NOT_SURE) return NOT_SURE;
    return { value: items.map((x) => x.value), strings: items.filter((x) => x.isString) };
  }
  const v = scalar(s, at, false);
  if (v === NOT_SURE) return NOT_SURE;
  return { value: v.value, strings: v.isString ? [v] : [] };
}

/** Reads simple frontmatter YAML, or returns null (then the `yaml` package must read it). */
export function readSimpleYaml(yaml: string): SimpleYaml | null {
  const data: Record<string, unknown> = {};
  const strings: YamlString[] = [];
  const seen = new Set<string>();
  let listKey: string | null = null;
  let list: unknown[] | null = null;
  let listIndent = -1;
  let pos = 0;
  let line = 0;
  const n = yaml.length;
  while (pos < n) {
    let end = yaml.indexOf('\n', pos);
    if (end === -1) end = n;
    const text = yaml.slice(pos, end);
    const c = text.charCodeAt(0);
    if (text.trim() === '' || text.trimStart().charCodeAt(0) === 35 /* # */) {
      // blank or comment line
    } else if (c === 32 || c === 45 /* - */) {
      const m = ITEM_LINE.exec(text);
      if (!m || listKey === null || list === null) return null;
      if (listIndent === -1) listIndent = m[1].length;
      else if (m[1].length !== listIndent) return null;
      if (m[2] === undefined || m[2] === '') list.push(null);
      else {
        const at = pos + m[1].length + text.slice(m[1].length + 1).search(/\S/) + 1;
        const v = value(m[2], at);
        if (v === NOT_SURE) return null;
        list.push(v.value);
        for (const s of v.strings) strings.push({ key: listKey, value: s.value as string, offset: s.offset, line });
      }
    } else {
      const m = KEY_LINE.exec(text);
      if (!m) return null;
      const key = m[1];
      if (RESERVED_KEYS.has(key) || seen.has(key)) return null;
      seen.add(key);
      listKey = null;
      list = null;
      listIndent = -1;
      const raw = m[2];
      if (raw === undefined || raw === '') {
        // Either null or a block list on the next lines; the list, when it comes, replaces the null.
        data[key] = null;
        listKey = key;
        list = [];
      } else {
        const at = pos + text.indexOf(raw, m[1].length + 1);
        const v = value(raw, at);
        if (v === NOT_SURE) return null;
        data[key] = v.value;
        for (const s of v.strings) strings.push({ key, value: s.value as string, offset: s.offset, line });
      }
    }
    if (list !== null && listKey !== null && list.length > 0) data[listKey] = list;
    pos = end + 1;
    line++;
  }
  return { data, strings };
}
