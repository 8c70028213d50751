/** `atlas review` and `atlas grade` as child processes on a temp copy of tests/fixtures/review-vault. */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { tempDir } from '../support/temp-dir.ts';

const root = new URL('../..', import.meta.url).pathname;
let work: string;
let vault: string;
let db: string;

function atlas(...args: string[]): { code: number; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [join(root, 'electron/cli/atlas.ts'), ...args, '--db', db], {
    encoding: 'utf8',
    cwd: root,
  });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

before(() => {
  work = tempDir('cli-review');
  vault = join(work, 'vault');
  db = join(work, 'atlas.db');
  cpSync(join(root, 'tests/fixtures/review-vault'), vault, { recursive: true });
});
after(() => rmSync(work, { recursive: true, force: true }));

interface Card {
  id: string;
  note: string;
  state: string;
  question: string;
  due: string;
}

test('review --due --json lists every due card (all new at first) as one JSON value; Chinese intact', () => {
  const r = atlas('review', vault, '--due', '--json');
  assert.equal(r.code, 0, r.stderr);
  const cards = JSON.parse(r.stdout) as Card[];
  assert.equal(cards.length, 8);
  assert.ok(cards.every((c) => c.state === 'new'));
  assert.ok(cards.some((c) => c.question === '无缓冲通道的发送什么时候返回？'));
  const human = atlas('review', vault, '--due');
  assert.equal(human.code, 0);
  assert.match(human.stdout, /^8 cards, 8 due \(8 new\)/);
});

test('grade records a review in .atlas/review.json; the card leaves the due list; a hash names the card', () => {
  const cards = JSON.parse(atlas('review', vault, '--note', 'select', '--json').stdout) as Card[];
  assert.equal(cards.length, 1);
  const hash = cards[0].id.split('#')[1];
  const r = atlas('grade', vault, hash, 'easy', '--json');
  assert.equal(r.code, 0, r.stderr);
  const result = JSON.parse(r.stdout) as { card: Card; grade: string };
  assert.equal(result.card.id, cards[0].id);
  assert.equal(result.card.state, 'review');
  const file = JSON.parse(readFileSync(join(vault, '.atlas/review.json'), 'utf8'));
  assert.equal(file.cards[cards[0].id].state, 'review');
  const due = JSON.parse(atlas('review', vault, '--due', '--json').stdout) as Card[];
  assert.equal(due.length, 7);
  assert.ok(!due.some((c) => c.id === cards[0].id));
});

test('grade again marks the note for re-study and names its weakest prerequisite', () => {
  const [card] = JSON.parse(atlas('review', vault, '--note', 'concurrency/channel.md', '--json').stdout) as Card[];
  const r = atlas('grade', vault, card.id, 'again');
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /concurrency\/channel\.md is marked for re-study/);
  assert.match(r.stdout, /weak prerequisite: goroutine/);
  assert.match(atlas('review', vault).stdout, /re-study: concurrency\/channel\.md/);
});

test('bad arguments: one-line errors, exit 1', () => {
  for (const [args, message] of [
    [['grade', vault, 'nothing-like-this', 'good'], /no card "nothing-like-this"/],
    [['grade', vault, 'x'], /missing <grade>/],
    [['grade', vault, 'x', 'great'], /grade must be again, hard, good or easy/],
    [['review', vault, '--limit', 'many'], /--limit must be a whole number/],
  ] as const) {
    const r = atlas(...args);
    assert.equal(r.code, 1, `${args.join(' ')}: ${r.stdout}`);
    assert.match(r.stderr, message);
    assert.equal(r.stderr.trim().split('\n').length, 1);
  }
});
