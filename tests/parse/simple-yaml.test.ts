/**
 * The fast frontmatter reader must answer exactly what the `yaml` package answers, or nothing.
 * Differential test over thousands of generated documents built from awkward YAML pieces.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseDocument } from 'yaml';
import { toJson, YAML_OPTIONS } from '../../electron/core/parse/frontmatter.ts';
import { readSimpleYaml } from '../../electron/core/parse/simple-yaml.ts';

const VALUES = [
  'hello', 'hello world', "It's", 'a#b', 'a:b', 'a: b', 'x #c', 'x\t#c', '~', 'null', 'Null', 'NULL', 'nULL', 'true', 'False',
  'TRUE', 'tRUE', 'yes', 'no', 'on', 'off', '0', '7', '007', '-5', '+5', '1.5', '1.50', '.5', '5.', '1e3', '0x1F', '0o17',
  '.inf', '-.inf', '.nan', '2024-01-05', '2024-1-5', '2024-02-30', '2024-02-29', '2023-02-29', '2024-13-01', '0999-01-01',
  '2024-01-05T10:00:00Z', '2024-01-05 10:30', '12:30', '1_000', '123456789012345678', '9007199254740993',
  '[a, b]', '[a,b]', '[ a , "b" ]', '["a, b", c]', "['x', y]", '[]', '[ ]', '[a,]', '[a,,b]', '[[x]]', '[[x], [y]]',
  '["[[x]]", "[[y|z]]"]', '[a: b]', '[a:b]', '[a #b]', '[#a]', '[a, [b]]', '[a, {b: c}]', '[1, 2.5, true, null, 2024-01-05]',
  '[ "a" , \'b\' ]', '["a"b]', '[a', 'a]', '{a: 1}', '{}', '"quoted"', '"with \\"esc\\""', '"a\\nb"', "'single'", "'it''s'",
  '"[[x]]"', '"a" b', '&anc x', '*ref', '!tag x', '!!str 5', '|', '>', '|-', '%x', '@x', '`x`', 'see [[d]] and [[e]]', '通道',
  '通道, 调度', 'tab\there', 'trail   ', '- item', '-item', '? q', ': x', 'a,b', 'http://x.com/a', 'C:\\path', 'x=1', '<<', '=',
  '"unterminated', "'unterminated", '"', "'", '""', "''", '"# not comment"', 'a " b', "a ' b", '[a, "b]', '%%', 'x: y: z',
  '"tab\tin"', 'é', '#', '[ "x" ]', '["x",]', 'null ', ' 5', '-', '--', '---x', '...x', '[a]b', 'a[b]', 'a{b}', 'a,b]',
];
const KEYS = ['title', 'Title', 'my key', 'a.b', 'a/b', 'a-b', '_x', '通道', 'null', 'true', '123', '"q"', 'k k', '-k', '?k',
  'tags', 'aliases', 'k ', 'a:b', '[k]', '&k', 'x#y', 'é'];

/** mulberry32 */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function generate(rnd: () => number): string {
  const pick = <T>(xs: T[]): T => xs[Math.floor(rnd() * xs.length)];
  const lines: string[] = [];
  const n = 1 + Math.floor(rnd() * 5);
  for (let i = 0; i < n; i++) {
    const r = rnd();
    const key = rnd() < 0.8 ? pick(KEYS.slice(0, 8)) + (rnd() < 0.5 ? '' : String(i)) : pick(KEYS);
    if (r < 0.55) lines.push(`${key}: ${pick(VALUES)}`);
    else if (r < 0.8) {
      lines.push(`${key}:`);
      const indent = pick(['', '  ', '    ', ' ']);
      const items = Math.floor(rnd() * 4);
      for (let j = 0; j < items; j++) {
        const mixed = rnd() < 0.1 ? pick(['', '  ', ' ', '\t']) : indent;
        lines.push(rnd() < 0.1 ? `${mixed}-` : `${mixed}- ${pick(VALUES)}`);
        if (rnd() < 0.05) lines.push(pick(['', '# comment', '  # indented comment']));
      }
    } else if (r < 0.88) lines.push(pick(['', '# comment', '   ', '  nested: 1', '  - stray', ' x', '\tx: 1']));
    else if (r < 0.94) lines.push(`${key}:${pick(['', ' ', '\t', '  '])}`);
    else lines.push(`${key}: ${pick(VALUES)}${pick([' # trailing', '\t', ' ', ''])}`);
  }
  return lines.join('\n') + (rnd() < 0.9 ? '\n' : '');
}

function check(yaml: string): boolean {
  const fast = readSimpleYaml(yaml);
  if (fast === null) return false;
  const doc = parseDocument(yaml, YAML_OPTIONS);
  assert.deepEqual(doc.errors.map((e) => e.message), [], `fast reader accepted YAML with errors: ${JSON.stringify(yaml)}`);
  assert.deepEqual(fast.data, toJson(doc.toJS()) ?? {}, `different data for ${JSON.stringify(yaml)}`);
  for (const s of fast.strings) {
    assert.equal(yaml.slice(s.offset, s.offset + s.value.length), s.value, `string offset in ${JSON.stringify(yaml)}`);
  }
  return true;
}

test('fast YAML reader agrees with the yaml package on every document it accepts', () => {
  const rnd = prng(20261122);
  let accepted = 0;
  const total = 12000;
  for (let i = 0; i < total; i++) if (check(generate(rnd))) accepted++;
  // It must still take a good share (else it buys nothing) and leave the rest (else it takes too much).
  assert.ok(accepted > total * 0.08 && accepted < total * 0.9, `accepted ${accepted} of ${total}`);
});

test('fast YAML reader takes the usual Obsidian frontmatter', () => {
  const usual = [
    'tags: [gen/odd, area/runtime]\nlevel: 3\nprerequisites: ["[[Concept 05106 escape]]", "[[Concept 01400 eviction]]"]\n',
    'aliases:\n  - GMP\n  - 调度器\ntags:\n  - go/runtime\ncreated: 2024-01-05\nrating: 4.5\ndone: false\nsource:\n',
    'categories:\n  - "[[Books]]"\nauthor:\n  - "[[Kevin Kelly]]"\ncover: https://example.com/a.jpg\ngenre: []\nrating: 7\ntopics: ""\n',
    '# comment\ntitle: Hello, world\ntype: note\n\nstatus: draft\n',
  ];
  for (const y of usual) assert.ok(check(y), y);
});

test('fast YAML reader leaves everything else to the yaml package', () => {
  const other = ['a: |\n  block\n', 'a:\n  b: 1\n', 'a: &x 1\nb: *x\n', 'a: "esc\\n"\n', 'a: 1\na: 2\n', 'a: 0x10\n', 'a: [[x]]\n',
    '- a\n', 'a: 1 # c\n', 'a: {b: 1}\n', 'a: 2024-01-05T10:00:00Z\n', 'a: 2024-02-30\n', '? a\n: b\n', 'a:\n- b\n  - c\n'];
  for (const y of other) assert.equal(readSimpleYaml(y), null, y);
});
