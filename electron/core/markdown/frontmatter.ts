/**
 * YAML frontmatter: finding it, parsing it with the `yaml` package, and pulling out aliases, tags, the other
 * properties (JSON-compatible) and the wiki links written inside property values.
 *
 * Frontmatter is the first thing in the file: `---` alone on line 1, closed by the first line that is `---` or `...`
 * (YAML's document end marker, which Obsidian accepts too). The text given here has `\n` line endings (callers
 * normalise CRLF first; see splitFrontmatter).
 */
import {
  isAlias,
  isMap,
  isScalar,
  isSeq,
  parseDocument,
  type DocumentOptions,
  type ParseOptions,
  type SchemaOptions,
} from 'yaml';
import type { LinkFact, ProblemFact } from '../model.ts';
import { splitWiki } from './wiki-target.ts';
import { cleanTag } from './tags.ts';
import { contextOf, lineIndexOf, lineStarts } from './text.ts';
import { readPlainYaml } from './yaml-fast.ts';

export interface FrontmatterBlock {
  /** The YAML between the fences (with its trailing `\n`). */
  yaml: string;
  /** Lines taken by the block, both fences included. */
  lines: number;
  /** Offset where the body starts (just after the closing fence's line). */
  bodyStart: number;
}

function isFenceLine(text: string, start: number, end: number): boolean {
  if (end - start < 3) return false;
  const c = text.charCodeAt(start);
  if (c !== 45 && c !== 46) return false;
  if (text.charCodeAt(start + 1) !== c || text.charCodeAt(start + 2) !== c) return false;
  for (let i = start + 3; i < end; i++) {
    const d = text.charCodeAt(i);
    if (d !== 32 && d !== 9) return false;
  }
  return true;
}

/**
 * Finds the frontmatter block, or null when the file has none (or it is never closed). `text` has `\n` line endings.
 * Linear: one pass over the lines until the closing fence.
 */
export function findFrontmatter(text: string): FrontmatterBlock | null {
  if (text.charCodeAt(0) !== 45 || !text.startsWith('---')) return null;
  const firstEnd = text.indexOf('\n');
  if (firstEnd === -1) return null;
  if (!isFenceLine(text, 0, firstEnd)) return null;
  const yamlStart = firstEnd + 1;
  let lineStart = yamlStart;
  let line = 2;
  while (lineStart < text.length) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd === -1) lineEnd = text.length;
    if (isFenceLine(text, lineStart, lineEnd)) {
      return { yaml: text.slice(yamlStart, lineStart), lines: line, bodyStart: Math.min(lineEnd + 1, text.length) };
    }
    lineStart = lineEnd + 1;
    line++;
  }
  return null;
}

export interface FrontmatterFacts {
  aliases: string[];
  tags: string[];
  properties: Record<string, unknown>;
  links: LinkFact[];
  problems: ProblemFact[];
}

/** How the `yaml` package reads frontmatter: YAML 1.2 core schema plus timestamps, errors collected, never printed. */
export const YAML_OPTIONS: ParseOptions & DocumentOptions & SchemaOptions = {
  customTags: ['timestamp'],
  prettyErrors: true,
  logLevel: 'silent',
};

const RESERVED = new Set(['aliases', 'alias', 'tags', 'tag']);
/** A wiki link written inside a property value (YAML text, not markdown). Group 1: the inner text. */
const WIKI_IN_VALUE = /!?\[\[([^\[\]\n]*)\]\]/g;

/** Wiki links and embeds written in property text (frontmatter YAML): [start, end, inner] triples, in order. */
export function wikiLinksInProperties(
  yaml: string,
): Array<{ start: number; end: number; inner: string; embed: boolean }> {
  const out: Array<{ start: number; end: number; inner: string; embed: boolean }> = [];
  if (yaml.indexOf('[[') === -1) return out;
  for (const m of yaml.matchAll(WIKI_IN_VALUE)) {
    out.push({ start: m.index, end: m.index + m[0].length, inner: m[1], embed: m[0].charCodeAt(0) === 33 });
  }
  return out;
}

/** JSON-compatible copy: Dates become ISO strings (`2024-01-05` for a date without time), Maps become objects. */
export function toJson(v: unknown): unknown {
  if (v === null || typeof v !== 'object') {
    if (typeof v === 'bigint') return Number(v);
    if (typeof v === 'number' && !Number.isFinite(v)) return String(v);
    return v === undefined ? null : v;
  }
  if (v instanceof Date) {
    if (Number.isNaN(v.getTime())) return String(v);
    const iso = v.toISOString();
    return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso;
  }
  if (Array.isArray(v)) return v.map(toJson);
  if (v instanceof Map) {
    const o: Record<string, unknown> = {};
    for (const [k, x] of v) o[String(k)] = toJson(x);
    return o;
  }
  if (v instanceof Set) return [...v].map(toJson);
  if (v instanceof Uint8Array) {
    // `!!binary` values: base64, without Node's Buffer (this module also runs in the renderer)
    let bin = '';
    for (let i = 0; i < v.length; i++) bin += String.fromCharCode(v[i]);
    return btoa(bin);
  }
  const o: Record<string, unknown> = {};
  for (const k of Object.keys(v)) o[k] = toJson((v as Record<string, unknown>)[k]);
  return o;
}

function stringList(v: unknown): string[] {
  if (v === null || v === undefined) return [];
  const items = Array.isArray(v) ? v.flat(Infinity) : [v];
  const out: string[] = [];
  for (const x of items) {
    if (x === null || x === undefined || typeof x === 'object') continue;
    const s = String(x).trim();
    if (s) out.push(s);
  }
  return out;
}

/**
 * Parses the YAML of a frontmatter block (its first line is file line 2). Never throws: a YAML error gives
 * `properties: {}`, no aliases, tags or property links, and a `frontmatter` problem `<yaml error>, line N`.
 */
export function parseFrontmatter(block: FrontmatterBlock): FrontmatterFacts {
  return readFrontmatter(block, true);
}

/**
 * `parseFrontmatter` with the `yaml` package reading every document (no js-yaml fast path): the reference reading
 * that the fast path must equal (tests/core/markdown/yaml-fast.test.ts).
 */
export function parseFrontmatterReference(block: FrontmatterBlock): FrontmatterFacts {
  return readFrontmatter(block, false);
}

function readFrontmatter(block: FrontmatterBlock, fast: boolean): FrontmatterFacts {
  const facts: FrontmatterFacts = { aliases: [], tags: [], properties: {}, links: [], problems: [] };
  const yaml = block.yaml;
  if (yaml.trim() === '') return facts;
  // a plain document is read by js-yaml (~10× less CPU, the same values: yaml-fast.ts); anything else, and every
  // error message, by the `yaml` package
  const plain = fast ? readPlainYaml(yaml, WIKI_IN_VALUE) : null;
  let data: unknown = plain?.data;
  let doc: ReturnType<typeof parseDocument> | null = null;
  if (!plain)
    try {
      doc = parseDocument(yaml, YAML_OPTIONS);
      if (doc.errors.length > 0) {
        const e = doc.errors[0];
        const yamlLine = e.linePos?.[0]?.line ?? 1;
        const line = yamlLine + 1;
        const msg = e.message.split('\n')[0].replace(/ at line \d+, column \d+:?\s*$/, '');
        facts.problems.push({ kind: 'frontmatter', message: msg, line });
        return facts;
      }
      data = doc.toJS({ maxAliasCount: 100 });
    } catch (err) {
      facts.problems.push({
        kind: 'frontmatter',
        message: (err as Error).message.split('\n')[0],
        line: 2,
      });
      return facts;
    }
  if (data === null || data === undefined) return facts;
  if (typeof data !== 'object' || Array.isArray(data) || data instanceof Date) {
    facts.problems.push({ kind: 'frontmatter', message: 'frontmatter is not a map of properties', line: 2 });
    return facts;
  }
  const obj = data as Record<string, unknown>;
  for (const key of Object.keys(obj)) {
    const lower = key.toLowerCase();
    if (lower === 'aliases' || lower === 'alias') {
      for (const a of stringList(obj[key])) facts.aliases.push(a);
    } else if (lower === 'tags' || lower === 'tag') {
      const raw = obj[key];
      // a tag holds no spaces (Obsidian): `tags: alpha beta, gamma` is three tags, as Obsidian reads it
      const list = (typeof raw === 'string' ? [raw] : stringList(raw)).flatMap((t) => t.split(/[,\s]+/));
      for (const t of list) {
        const c = cleanTag(t.trim().replace(/^(["'])(.*)\1$/, '$2'));
        if (c !== null) facts.tags.push(c);
      }
    } else if (!RESERVED.has(lower)) {
      facts.properties[key] = toJson(obj[key]);
    }
  }
  // Wiki links inside property values, with the line of the value in the file.
  if (yaml.indexOf('[[') === -1) return facts;
  const y: YamlText = { yaml, starts: null };
  if (plain) {
    for (const l of plain.links) pushPropertyLink(y, l.at, l.raw, l.inner, l.key, facts.links);
  } else if (doc && isMap(doc.contents)) {
    for (const pair of doc.contents.items) {
      const keyNode = pair.key;
      const key = isScalar(keyNode) ? String(keyNode.value) : String(keyNode);
      collectPropertyLinks(pair.value, key, y, facts.links);
    }
  }
  return facts;
}

/** The YAML text with a line index built on first use (a frontmatter may hold thousands of links). */
interface YamlText {
  yaml: string;
  starts: number[] | null;
}

function pushPropertyLink(y: YamlText, at: number, raw: string, inner: string, key: string, out: LinkFact[]): void {
  const parts = splitWiki(inner);
  if (parts === null) return;
  y.starts ??= lineStarts(y.yaml);
  const starts = y.starts;
  const index = lineIndexOf(starts, at);
  const lineStart = starts[index];
  const next = index + 1 < starts.length ? starts[index + 1] - 1 : y.yaml.length;
  out.push({
    kind: 'property',
    raw,
    target: parts.target,
    heading: parts.heading,
    block: parts.block,
    alias: parts.alias,
    line: 2 + index,
    context: contextOf(y.yaml, lineStart, next, at, at + raw.length),
    relation: key,
  });
}

function collectPropertyLinks(node: unknown, key: string, y: YamlText, out: LinkFact[]): void {
  const yaml = y.yaml;
  if (node === null || node === undefined || isAlias(node)) return;
  if (isScalar(node)) {
    const v = node.value;
    if (typeof v !== 'string' || v.indexOf('[[') === -1) return;
    const [from, to] = node.range ?? [0, yaml.length];
    let cursor = from;
    for (const m of v.matchAll(WIKI_IN_VALUE)) {
      const found = yaml.indexOf(m[0], cursor);
      const at = found !== -1 && found < to ? found : from;
      if (found !== -1 && found < to) cursor = found + m[0].length;
      pushPropertyLink(y, at, m[0], m[1], key, out);
    }
    return;
  }
  if (isSeq(node)) {
    // `related: [[a]]` is YAML for a list holding a list holding "a": Obsidian users mean a wiki link.
    const inner = node.items.length === 1 ? node.items[0] : null;
    if (node.flow && isSeq(inner) && inner.flow && inner.items.length === 1 && isScalar(inner.items[0])) {
      const s = inner.items[0];
      const range = node.range;
      if (range && (typeof s.value === 'string' || typeof s.value === 'number')) {
        const raw = yaml.slice(range[0], range[1]).trim();
        pushPropertyLink(y, range[0], raw, String(s.value), key, out);
        return;
      }
    }
    for (const item of node.items) collectPropertyLinks(item, key, y, out);
    return;
  }
  if (isMap(node)) {
    for (const pair of node.items) collectPropertyLinks(pair.value, key, y, out);
  }
}
