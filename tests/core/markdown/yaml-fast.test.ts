/**
 * The js-yaml fast path of frontmatter (electron/core/markdown/yaml-fast.ts) gives exactly the facts of the `yaml`
 * package's reading (`parseFrontmatterReference`): on hand-picked documents where the two packages differ (loose or
 * rolled-over dates, non-string keys, escaped line breaks, anchors, tags, `[[a]]` as nested lists …), on every
 * frontmatter of the sample vault, and on a few thousand random mutations of them. Each case that the fast path must
 * leave to `yaml` is also checked to be left to it.
 */
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import {
  findFrontmatter,
  parseFrontmatter,
  parseFrontmatterReference,
} from '../../../electron/core/markdown/frontmatter.ts';
import { readPlainYaml } from '../../../electron/core/markdown/yaml-fast.ts';

const WIKI = /!?\[\[([^\[\]\n]*)\]\]/g;
const block = (yaml: string) => ({ yaml, lines: yaml.split('\n').length + 1, bodyStart: 0 });

function assertSame(yaml: string): void {
  const b = block(yaml);
  assert.deepEqual(parseFrontmatter(b), parseFrontmatterReference(b), JSON.stringify(yaml));
}

const SAMPLES: string[] = [
  'a: 1',
  'a: 07',
  'a: 0o17',
  'a: 0x1F',
  'a: 1_000',
  'a: +12',
  'a: -0',
  'a: 1e3',
  'a: .5',
  'a: 1.',
  'a: .inf',
  'a: -.Inf',
  'a: .NaN',
  'a: ~',
  'a: Null',
  'a: NULL',
  'a: True',
  'a: FALSE',
  'a: yes',
  'a: no',
  'a: on',
  'a: 2024-01-05',
  'a: 2024-01-05 10:30:00',
  'a: 2024-01-05T10:30:00Z',
  'a: 2024-1-5',
  'a: 2001-12-14t21:59:43.10-05:00',
  'a: 2024-01-05 10:30',
  'a: 12:30',
  'a: 1:20:30',
  "a: 'it''s'",
  'a: "x\\ty\\u00e9"',
  'a: "\\x5b[x]]"',
  'a: |\n  l1\n  [[x]]\n',
  'a: >\n  f1\n  [[y]]\n',
  'a: >-\n  f1\n  f2\n',
  'a: |+\n  k\n\n',
  'a: [[x]]',
  'a: [[x], y]',
  'a: ["[[x]]", "[[y|Y]]"]',
  'related:\n  - "[[A]]"\n  - "[[B#h]]"\n  - \'![[C.png]]\'',
  'a: see [[x]] and [[x]]',
  'a: "[[x]] [[x]]"\nb: "[[x]]"',
  'b: "[[x]]"\n1: "[[y]]"',
  '1: a',
  'null: a',
  'true: b',
  '2024-01-01: c',
  '~: d',
  "'1': a",
  '"null": x',
  '.5: x',
  '-a: x',
  '+x: y',
  'a: &x 1\nb: *x',
  'a: !!str 1',
  'a: !custom x',
  '<<: {a: 1}',
  '%YAML 1.2\n---\na: 1',
  '? a\n: b',
  '[a, b]: c',
  '{a: 1}: b',
  'a: 1\na: 2',
  'a: {b: 1, b: 2}',
  'a:\n\tb: 1',
  'a: b: c',
  '- a\n- b',
  'just a string',
  '42',
  'a: [1, 2',
  'a: "unclosed',
  "a: 'x\n  y'",
  'a: x\n  y',
  'a: "x\\\n  [[y]]"',
  '# only comment',
  'a: # comment\nb: 1 # c [[x]]',
  'a: "[[x]]" # [[y]]',
  '"[[k]]": v',
  'a:\n  "[[k]]": "[[v]]"',
  'a:\n  b:\n    - c: "[[d]]"',
  'title: 标题\naliases: [预热, "别名"]\ntags: [a/b, \'#c\']',
  'tags: a b, c',
  'tags:\n  - a\n  - b',
  'a: 1\n...',
  'a: @x',
  'a: `x`',
  'a: x\n- y',
  '__proto__: {a: 1}',
  'a: {__proto__: 1}',
  'created: {{date}}',
  'last: {{date}}\ntags:',
  'a: 123456789012345678901234567890',
  'a: 0.1e-3',
  'a: -1_0',
  'a: 0b101',
  'a: 08',
  'a: 0o8',
  'a: 1.2.3',
  'a: 00:00:00',
  "k: ''",
  'k: ""',
  'k: [,]',
  'k: [a,,b]',
  'k: {a}',
  'k: {a, b: c}',
  'k: [a: b]',
  'k: [? a : b]',
  'a:    \n  - x\n  -   y',
  'a:\n- x\n- y',
  'x: - y',
  'x: [a]b',
  'x: |\n text\n  more',
  'long: aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa',
  'a: 2024-1-5 10:30:00',
  'a: 2024-01-5',
  'a: 2024-1-05',
  'a: 2024-01-05t10:30:00.5+08:00',
  'a: 2024-01-05 10:30:00 +8',
  'a: 2024-01-05  10:30:00',
  'a: 2024-01-05T10:30:00.123456789Z',
  'a: 2024-13-45',
  'a: 2024-02-30',
  'a: 2024-01-05 x',
  'a: [2024-1-5]',
  'a: 2024-1-5x',
  'a: 2024-01-05T1:2:3',
  'a: 2024-01-05 1:02:03',
  'a: 2024-01-05 25:00:00',
  'a: 2024-01-05 23:60:00',
  'a: 2024-01-05 23:59:60',
  'a: 2024-01-05T10:30:00.5Z',
  'a: 2024-01-05T10:30:00 Z',
  'a: 2024-01-05 10:30:00+08:00',
  'a: 2024-01-05 10:30:00.Z',
  'a: 0024-01-05',
  'a: 2024-00-10',
  'a: 2024-12-31',
  'a: 2024-01-05-x',
  'a: 2024-01-05T',
  'a: 2024-01-05 ',
  'a: 2024-01-05 10:30',
  'a: 2024-1',
  'a: 2024-01',
  'a: 1999-12-31 x',
  'a: 2024-02-29',
  'a: 2023-02-29',
  'a: [2024-01-05, 2024-1-5]',
  'a: {d: 2024-02-30}',
];

/** Documents the two packages read differently, or that need the `yaml` package's node ranges: never read fast. */
const LEFT_TO_YAML = [
  'a: 2024-1-5\n',
  'a: 2024-02-30\n',
  'a: 2024-13-45\n',
  'a: 2024-01-05T1:2:3\n',
  'a: 0024-01-05\n',
  'a: 2024-01-05 25:00:00\n',
  'a: "x\\\n\n  [[y]]"\n',
  'a: &x 1\nb: *x\n',
  'a: !!str 1\n',
  '1: a\n',
  'null: a\n',
  'true: b\n',
  '2024-01-01: c\n',
  '[a, b]: c\n',
  'a: [[x]]\n',
  'a: 1\na: 2\n',
  '- a\n- b\n',
  'a: [1, 2\n',
  '%YAML 1.2\n---\na: 1\n',
];

describe('frontmatter: the js-yaml fast path reads as the yaml package does', () => {
  test('hand-picked documents', () => {
    for (const s of SAMPLES) assertSame(`${s}\n`);
  });

  test('documents the packages read differently are left to the yaml package', () => {
    for (const s of LEFT_TO_YAML) {
      assert.equal(readPlainYaml(s, WIKI), null, JSON.stringify(s));
      assertSame(s);
    }
  });

  test('plain documents are read fast, with their property links where the yaml package finds them', () => {
    const yaml =
      'title: 标题\ncategories:\n  - "[[Books]]"\n  - x\nrelated: "see [[A#h|a]] and ![[b.png]]"\ncreated: 2024-01-05\n';
    const plain = readPlainYaml(yaml, WIKI);
    assert.ok(plain);
    assert.deepEqual(
      plain.links.map((l) => [l.key, l.raw, yaml.slice(l.at, l.at + l.raw.length)]),
      [
        ['categories', '[[Books]]', '[[Books]]'],
        ['related', '[[A#h|a]]', '[[A#h|a]]'],
        ['related', '![[b.png]]', '![[b.png]]'],
      ],
    );
    assertSame(yaml);
  });

  test('every frontmatter of the sample vault, and random mutations of them', () => {
    const seeds = [...SAMPLES];
    const root = new URL('../../../vault/', import.meta.url).pathname;
    for (const e of fs.readdirSync(root, { recursive: true, withFileTypes: true })) {
      if (!e.isFile() || !e.name.endsWith('.md')) continue;
      const fm = findFrontmatter(fs.readFileSync(path.join(e.parentPath, e.name), 'utf8').replace(/\r\n?/g, '\n'));
      if (fm) seeds.push(fm.yaml);
    }
    assert.ok(seeds.length > SAMPLES.length + 20, 'the sample vault has frontmatter');
    for (const s of seeds) assertSame(s.endsWith('\n') ? s : `${s}\n`);
    // deterministic mutations: YAML's significant characters inserted, characters deleted
    let seed = 7;
    const rnd = () => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed / 0x7fffffff;
    };
    const bits = [
      '[',
      ']',
      '[[',
      ']]',
      '{',
      '}',
      ',',
      ':',
      ': ',
      '- ',
      '"',
      "'",
      '#',
      '\n',
      '\n  ',
      '\t',
      '\\',
      '2024-01-05',
      '2024-1-5',
      '1',
      '.',
      '~',
      'null',
      'true',
      '|',
      '>',
      '*',
      '&a ',
      '!',
      '?',
      '[[x]]',
      '"[[y]]"',
      '预热',
      ' ',
      'key: ',
      '12:30:00',
    ];
    let fast = 0;
    for (let i = 0; i < 1000; i++) {
      let s = seeds[Math.floor(rnd() * seeds.length)];
      for (let k = 1 + Math.floor(rnd() * 3); k > 0; k--) {
        const at = Math.floor(rnd() * (s.length + 1));
        s =
          rnd() < 0.6
            ? s.slice(0, at) + bits[Math.floor(rnd() * bits.length)] + s.slice(at)
            : s.slice(0, at) + s.slice(at + 1 + Math.floor(rnd() * 3));
      }
      if (!s.endsWith('\n')) s += '\n';
      if (readPlainYaml(s, WIKI)) fast++;
      assertSame(s);
    }
    // most mutations stay valid, plain YAML: the comparison exercised the fast path
    assert.ok(fast > 300, `${fast} of 1000 read fast`);
  });
});
