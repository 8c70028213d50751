/**
 * Reading and editing a note's properties (YAML frontmatter) for the Properties pane, keeping every byte outside the
 * edited entry as it was: the `yaml` package's Document gives each entry's source range, and an edit replaces only
 * that range (a value) or those lines (a removed entry), or appends a line (a new entry). Never re-serialises the
 * document. Malformed YAML is reported (`status: 'error'`) and no edit is offered, so it is never rewritten.
 * The frontmatter block is found with the one grammar's `findFrontmatter` (electron/core/markdown).
 */
import { isMap, isScalar, isSeq, parseDocument, stringify, type Pair } from 'yaml';
import { findFrontmatter, YAML_OPTIONS } from '../../../electron/core/markdown/index.ts';

export type PropertyType = 'text' | 'list' | 'number' | 'checkbox' | 'date' | 'link';

export interface Property {
  key: string;
  /** JSON-compatible value (dates as written, e.g. `2024-05-01`). */
  value: unknown;
  type: PropertyType;
}

export type ReadResult =
  | { status: 'none' }
  | { status: 'ok'; properties: Property[] }
  | { status: 'error'; message: string; yaml: string };

/** A text change: replace [from, to) of the note's text with `insert` (offsets in the `\n`-normalised text). */
export interface TextChange {
  from: number;
  to: number;
  insert: string;
}

const DATE = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2})?)?$/;
const LINK = /^!?\[\[[^\]\n]+\]\]$/;

/** The type a value is shown with (Obsidian's property types, inferred from the value). */
export function typeOf(value: unknown): PropertyType {
  if (Array.isArray(value)) return 'list';
  if (typeof value === 'boolean') return 'checkbox';
  if (typeof value === 'number') return 'number';
  if (typeof value === 'string' && DATE.test(value)) return 'date';
  if (typeof value === 'string' && LINK.test(value.trim())) return 'link';
  return 'text';
}

function parse(text: string) {
  const fm = findFrontmatter(text);
  if (!fm) return null;
  // the YAML starts after the first line (`---\n`)
  const base = text.indexOf('\n') + 1;
  const doc = parseDocument(fm.yaml, { ...YAML_OPTIONS, keepSourceTokens: true });
  return { fm, base, doc };
}

function plain(v: unknown): unknown {
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (Array.isArray(v)) return v.map(plain);
  return v;
}

/** The note's properties, in order; `error` for YAML that does not parse or is not a mapping. */
export function readProperties(text: string): ReadResult {
  const p = parse(text);
  if (!p) return { status: 'none' };
  const { doc, fm } = p;
  if (doc.errors.length) return { status: 'error', message: doc.errors[0].message.split('\n')[0], yaml: fm.yaml };
  if (doc.contents === null) return { status: 'ok', properties: [] };
  if (!isMap(doc.contents))
    return { status: 'error', message: 'The frontmatter is not a list of properties (key: value).', yaml: fm.yaml };
  const properties: Property[] = [];
  for (const pair of doc.contents.items as Pair[]) {
    const key = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
    const source =
      isScalar(pair.value) && typeof pair.value.source === 'string' && DATE.test(pair.value.source)
        ? pair.value.source
        : undefined;
    const value =
      source ??
      plain(
        (pair.value as { toJSON?: () => unknown } | null)?.toJSON?.() ??
          (isScalar(pair.value) ? pair.value.value : null),
      );
    properties.push({ key, value, type: typeOf(value) });
  }
  return { status: 'ok', properties };
}

/** YAML for a value on one line (flow style for lists). */
function inline(value: unknown): string {
  return stringify(value, { collectionStyle: 'flow', flowCollectionPadding: false, lineWidth: 0 }).replace(/\n$/, '');
}

/** One `key: value` line. */
function entry(key: string, value: unknown): string {
  return `${inline(key)}: ${inline(value)}`;
}

function findPair(text: string, key: string) {
  const p = parse(text);
  if (!p || p.doc.errors.length || !isMap(p.doc.contents)) return null;
  const pair = (p.doc.contents.items as Pair[]).find((it) => isScalar(it.key) && String(it.key.value) === key);
  return { ...p, pair: pair ?? null };
}

/**
 * The change that sets property `key` to `value` (adding it at the end when missing; creating the frontmatter when
 * the note has none). Null when the frontmatter is malformed (it is never rewritten).
 */
export function setProperty(text: string, key: string, value: unknown): TextChange | null {
  const fm = findFrontmatter(text);
  if (!fm) {
    if (text.startsWith('---')) return null; // an unclosed fence: leave it alone
    return { from: 0, to: 0, insert: `---\n${entry(key, value)}\n---\n` };
  }
  const found = findPair(text, key);
  if (!found) return null;
  const { pair, base, fm: block } = found;
  if (!pair) {
    const end = base + block.yaml.length;
    return { from: end, to: end, insert: `${entry(key, value)}\n` };
  }
  const node = pair.value as { range?: [number, number, number] } | null;
  const keyNode = pair.key as { range?: [number, number, number] };
  if (!node?.range) {
    // `key:` with no value: write after the colon
    const at = base + keyNode.range![1];
    const colon = text.indexOf(':', at);
    return { from: colon + 1, to: colon + 1, insert: ` ${inline(value)}` };
  }
  const [start, end0] = node.range;
  // a block collection's range ends after its last line break; the replacement stops before it
  let end = end0;
  while (end > start && text[base + end - 1] === '\n') end--;
  if (isSeq(pair.value) && !pair.value.flow && Array.isArray(value) && value.length > 0) {
    // a block list stays a block list, items at the same indentation
    const lineStart = text.lastIndexOf('\n', base + start - 1) + 1;
    const indent = ' '.repeat(base + start - lineStart);
    const items = value.map((v) => `- ${inline(v)}`).join(`\n${indent}`);
    return { from: base + start, to: base + end, insert: items };
  }
  const insert = inline(value);
  // a block list replaced by a scalar or flow list: from just after `key:`
  if (isSeq(pair.value) && !pair.value.flow) {
    const colon = text.indexOf(':', base + keyNode.range![1]);
    return { from: colon + 1, to: base + end, insert: ` ${insert}` };
  }
  return { from: base + start, to: base + end, insert };
}

/** The change that removes property `key` (its whole lines); null when absent or the YAML is malformed. */
export function removeProperty(text: string, key: string): TextChange | null {
  const found = findPair(text, key);
  if (!found?.pair) return null;
  const { pair, base } = found;
  const from = text.lastIndexOf('\n', base + (pair.key as { range: number[] }).range[0] - 1) + 1;
  const valueEnd =
    (pair.value as { range?: number[] } | null)?.range?.[1] ?? (pair.key as { range: number[] }).range[1];
  let to = text.indexOf('\n', base + valueEnd - 1);
  to = to < 0 ? text.length : to + 1;
  return { from, to, insert: '' };
}

/** Applies a change to a text. */
export function applyChange(text: string, c: TextChange): string {
  return text.slice(0, c.from) + c.insert + text.slice(c.to);
}
