/**
 * The `atlas` CLI run as a child process on a temp copy of a fixture vault, with its database in a temp folder.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { tempDir } from '../support/temp-dir.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
const fixture = join(root, 'tests/fixtures/cli-basic');
let work: string;
let vault: string;
let db: string;

function atlas(...args: string[]): { code: number; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [join(root, 'electron/cli/atlas.ts'), ...args], {
    encoding: 'utf8',
    cwd: root,
  });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

function json(...args: string[]): unknown {
  const r = atlas(...args, '--db', db, '--json');
  assert.equal(r.code, 0, `atlas ${args.join(' ')} failed: ${r.stderr}`);
  return JSON.parse(r.stdout);
}

before(() => {
  work = tempDir('cli');
  vault = join(work, 'vault');
  db = join(work, 'atlas.db');
  cpSync(fixture, vault, { recursive: true });
});
after(() => rmSync(work, { recursive: true, force: true }));

test('index prints counts and milliseconds, then a warm start parses nothing', () => {
  const first = json('index', vault) as { mode: string; notes: number; parsed: number; ms: number };
  assert.equal(first.mode, 'cold');
  assert.equal(first.notes, 5);
  assert.equal(typeof first.ms, 'number');
  const second = json('index', vault) as { mode: string; parsed: number };
  assert.equal(second.mode, 'warm');
  assert.equal(second.parsed, 0);
  const human = atlas('index', vault, '--db', db);
  assert.equal(human.code, 0);
  assert.match(human.stdout, /5 notes/);
});

test('--json prints exactly one JSON value on stdout', () => {
  for (const cmd of [
    ['backlinks', vault, 'channel'],
    ['search', vault, 'goroutine'],
    ['check', vault],
    ['mentions', vault, 'channel'],
  ]) {
    const r = atlas(...cmd, '--db', db, '--json');
    assert.equal(r.code, 0, r.stderr);
    assert.doesNotThrow(() => JSON.parse(r.stdout), `stdout of ${cmd[0]} is one JSON value`);
  }
});

test('export gives notes, files, links with kind, relation and resolvedBy, and problems', () => {
  const r = atlas('export', vault, '--db', db);
  assert.equal(r.code, 0, r.stderr);
  const ex = JSON.parse(r.stdout) as {
    notes: {
      path: string;
      aliases: string[];
      tags: string[];
      headings: { text: string; line: number }[];
      blocks: string[];
    }[];
    files: { path: string }[];
    links: {
      source: string;
      raw: string;
      kind: string;
      target: string | null;
      relation: string | null;
      resolvedBy: string | null;
      line: number;
    }[];
    problems: { path: string; kind: string }[];
  };
  const channel = ex.notes.find((n) => n.path === 'concurrency/channel.md');
  assert.ok(channel);
  assert.deepEqual(channel.aliases, ['通道', 'chan']);
  const goroutine = ex.notes.find((n) => n.path === 'concurrency/goroutine.md');
  assert.deepEqual(goroutine?.blocks, ['gmp']);
  assert.ok(goroutine?.headings.some((h) => h.text === 'Scheduling' && h.line === 10));
  assert.ok(ex.files.some((f) => f.path === 'diagram.png'));
  const prereq = ex.links.find((l) => l.source === 'concurrency/channel.md' && l.kind === 'property');
  assert.equal(prereq?.relation, 'prerequisites');
  assert.equal(prereq?.target, 'concurrency/goroutine.md');
  assert.equal(prereq?.line, 4);
  const byAlias = ex.links.find((l) => l.source === 'Home.md' && l.raw.startsWith('[[通道'));
  assert.equal(byAlias?.target, 'concurrency/channel.md');
  assert.equal(byAlias?.resolvedBy, 'alias');
  const embed = ex.links.find((l) => l.kind === 'embed');
  assert.equal(embed?.target, 'diagram.png');
  const md = ex.links.find((l) => l.kind === 'markdown');
  assert.equal(md?.target, 'sub/Deep Note.md');
  const missing = ex.links.find((l) => l.raw === '[[Missing note]]');
  assert.equal(missing?.target, null);
  assert.ok(!ex.links.some((l) => l.raw.includes('not a link')), 'links in code are not links');
  assert.ok(ex.problems.some((p) => p.path === 'broken.md' && p.kind === 'frontmatter'));
  const brokenLink = ex.links.find((l) => l.source === 'broken.md');
  assert.equal(brokenLink?.target, 'concurrency/channel.md', 'a note with malformed frontmatter is still indexed');
});

test('backlinks list sources with line, kind and context; a note may be named by alias', () => {
  const rows = json('backlinks', vault, '通道') as { source: string; line: number; kind: string; context: string }[];
  const sources = rows.map((r) => `${r.source}:${r.line}`);
  assert.ok(sources.includes('Home.md:6'));
  assert.ok(sources.includes('broken.md:7'));
  const home = rows.find((r) => r.source === 'Home.md');
  assert.equal(home?.kind, 'wiki');
  assert.match(home?.context ?? '', /Start with/);
});

test('search finds Chinese text, also with a two-character query', () => {
  const hits = json('search', vault, '通道') as { path: string; title: string; snippet: string }[];
  assert.ok(hits.length > 0);
  assert.equal(hits[0].path, 'concurrency/channel.md', 'alias match ranks first');
  assert.ok(hits.some((h) => h.path === 'sub/Deep Note.md'));
  const three = json('search', vault, '关于通道') as { path: string; snippet: string }[];
  assert.equal(three[0]?.path, 'sub/Deep Note.md');
  assert.match(three[0].snippet, /通道/);
});

test('mentions finds unlinked Chinese mentions of an alias, not linked ones', () => {
  const rows = json('mentions', vault, 'channel') as { source: string; line: number; text: string }[];
  assert.ok(rows.some((r) => r.source === 'sub/Deep Note.md' && r.line === 3));
  assert.ok(
    rows.some((r) => r.source === 'concurrency/goroutine.md'),
    'English mention of the title',
  );
  assert.ok(!rows.some((r) => r.source === 'Home.md'), 'Home only links to channel');
});

test('check reports unresolved links and problems, and exits 0', () => {
  const r = atlas('check', vault, '--db', db, '--json');
  assert.equal(r.code, 0);
  const report = JSON.parse(r.stdout) as {
    unresolved: { raw: string }[];
    problems: unknown[];
    orphans: string[];
    cycles: unknown[];
    missingPrerequisites: unknown[];
    brokenAnchors: unknown[];
    ambiguous: unknown[];
  };
  assert.ok(report.unresolved.some((u) => u.raw === '[[Missing note]]'));
  assert.ok(report.problems.length >= 1);
  assert.deepEqual(report.cycles, []);
  assert.deepEqual(report.brokenAnchors, []);
  const human = atlas('check', vault, '--db', db);
  assert.equal(human.code, 0);
  assert.match(human.stdout, /unresolved links: 1/);
});

test('a broken heading link is reported', () => {
  writeFileSync(join(vault, 'anchors.md'), 'See [[goroutine#No such heading]] and [[goroutine#^nope]].\n');
  const report = json('check', vault) as { brokenAnchors: { source: string; raw: string }[] };
  assert.equal(report.brokenAnchors.filter((b) => b.source === 'anchors.md').length, 2);
  rmSync(join(vault, 'anchors.md'));
});

test('a vault that does not exist or is a file exits non-zero with one line', () => {
  const missing = atlas('check', join(work, 'nope'));
  assert.notEqual(missing.code, 0);
  assert.equal(missing.stderr.trim().split('\n').length, 1);
  assert.match(missing.stderr, /not found/);
  const file = atlas('index', join(vault, 'Home.md'), '--db', db);
  assert.notEqual(file.code, 0);
  assert.match(file.stderr, /not a folder/);
  assert.equal(file.stdout, '');
});

test('an unknown note or command fails clearly', () => {
  const r = atlas('backlinks', vault, 'No Such Note', '--db', db);
  assert.equal(r.code, 1);
  assert.match(r.stderr, /no note matches/);
  const u = atlas('frobnicate');
  assert.equal(u.code, 2);
  assert.match(u.stderr, /unknown command/);
});
