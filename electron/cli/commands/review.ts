/**
 * Flashcard review from the command line (practice, #15): `review` lists cards with their FSRS schedule, `grade`
 * records a review in `<vault>/.atlas/review.json` (the same state and rules as the app's Review view, docs/review.md).
 */
import { CliError, type Command, type CommandContext } from '../command.ts';
import { noteArg } from '../open-index.ts';
import { REVIEW_GRADES, type ReviewEngine } from '../../core/review/engine.ts';
import { ReviewError } from '../../core/review/errors.ts';
import type { ReviewCard, ReviewGrade } from '../../core/model.ts';
import { createReviewEngine } from '../../services/review-service.ts';

async function engine(ctx: CommandContext): Promise<ReviewEngine> {
  const vault = await ctx.openVault();
  return createReviewEngine(vault.query, vault.learning);
}

async function cli<T>(fn: () => T | Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    if (e instanceof ReviewError) throw new CliError(e.message);
    throw e;
  }
}

function oneLine(s: string, max = 70): string {
  const t = s.replace(/\s+/g, ' ').trim();
  return [...t].length > max ? [...t].slice(0, max - 1).join('') + '…' : t;
}

function when(card: ReviewCard, now: number): string {
  if (card.state === 'new') return 'new';
  const due = Date.parse(card.due);
  return due <= now
    ? `due ${card.due.slice(0, 16).replace('T', ' ')}`
    : `in ${Math.max(1, Math.round((due - now) / 86_400_000))} d`;
}

export const reviewCommand: Command = {
  name: 'review',
  usage: 'review <vault> [--due] [--note N] [--limit N] [--json]  flashcards and their schedule (due: soonest first)',
  options: { due: { type: 'boolean' }, note: { type: 'string' }, limit: { type: 'string' } },
  async run(ctx) {
    const raw = ctx.args.options.limit;
    const limit = raw === undefined ? undefined : Number(raw);
    if (limit !== undefined && (!Number.isInteger(limit) || limit < 0))
      throw new CliError('--limit must be a whole number');
    const e = await engine(ctx);
    const noteOpt = ctx.args.options.note;
    if (noteOpt === true) throw new CliError('option --note needs a value');
    const note = noteOpt === undefined ? undefined : noteArg(e.index, noteOpt);
    const due = ctx.args.options.due === true;
    const cards = await cli(() => e.cards({ due, note, limit }));
    if (ctx.json) {
      ctx.printJson(cards);
      return 0;
    }
    const s = e.summary();
    const lines = [
      `${s.cards} card${s.cards === 1 ? '' : 's'}, ${s.due} due (${s.new} new)${s.restudy.length ? `; re-study: ${s.restudy.join(', ')}` : ''}`,
    ];
    if (cards.length === 0) lines.push(due ? 'Nothing is due.' : 'No cards: tag notes #flashcards or use type: quiz.');
    const now = Date.now();
    cards.forEach((c, i) => {
      lines.push(`  ${i + 1}. [${when(c, now)}] ${oneLine(c.question)}`);
      lines.push(
        `       ${c.id}  (${c.note}:${c.line}${c.retention === null ? '' : `, retention ${Math.round(c.retention * 100)} %`})`,
      );
    });
    ctx.print(lines.join('\n'));
    return 0;
  },
};

export const gradeCommand: Command = {
  name: 'grade',
  usage: 'grade <vault> <card> <again|hard|good|easy> [--json]  record a review in <vault>/.atlas/review.json',
  options: {},
  async run(ctx) {
    const card = ctx.args.positional[1];
    const grade = ctx.args.positional[2];
    if (!card) throw new CliError('missing <card> argument (a card id or its hash, see `atlas review`)');
    if (!grade) throw new CliError('missing <grade> argument: again, hard, good or easy');
    const g = grade.toLowerCase() as ReviewGrade;
    if (!REVIEW_GRADES.includes(g)) throw new CliError(`grade must be again, hard, good or easy, not "${grade}"`);
    const e = await engine(ctx);
    const r = await cli(() => e.grade(card, g));
    if (ctx.json) {
      ctx.printJson(r);
      return 0;
    }
    const lines = [
      `${r.card.id}: ${g}; next review ${r.card.due.slice(0, 16).replace('T', ' ')} UTC (${r.card.state})`,
    ];
    for (const c of r.credited)
      lines.push(
        `  credit ${Math.round(c.weight * 100)} % to ${c.note} (prerequisite, ${c.distance} hop${c.distance === 1 ? '' : 's'}; ${c.cards} card${c.cards === 1 ? '' : 's'})`,
      );
    if (r.restudy) lines.push(`  ${r.card.note} is marked for re-study`);
    for (const w of r.weakPrerequisites)
      lines.push(
        `  weak prerequisite: ${w.title} (${w.path}${w.retention === null ? ', not reviewed' : `, retention ${Math.round(w.retention * 100)} %`})`,
      );
    ctx.print(lines.join('\n'));
    return 0;
  },
};

export const reviewCommands: Command[] = [reviewCommand, gradeCommand];
