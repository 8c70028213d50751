/**
 * The learning-path commands of the `atlas` CLI: plan, path, next, learn (learning issue). Note arguments are vault
 * paths or names resolved like a wiki link (titles and aliases, e.g. `协程`).
 */
import { CliError, type Command, type CommandContext } from '../command.ts';
import { LearningError, toConnectionPath, type LearningEngine } from '../../core/learning/index.ts';
import type { LearningPlan, ProgressState } from '../../shared/api.ts';

const LEVEL_LABELS = ['', 'L1 初级 junior', 'L2 高级 senior', 'L3 资深 staff', 'L4 专家 expert'];

async function service(ctx: CommandContext): Promise<LearningEngine> {
  return (await ctx.openVault()).learning;
}

function arg(ctx: CommandContext, i: number, what: string): string {
  const v = ctx.args.positional[i];
  if (v === undefined || v.trim() === '') throw new CliError(`missing ${what} argument`);
  return v;
}

/** Runs `fn`, turning a `LearningError` (unknown note, bad argument) into a one-line CLI error. */
function cli<T>(fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    if (e instanceof LearningError) throw new CliError(e.message);
    throw e;
  }
}

/** `--known a,b`: comma-separated (`,` or `，`) note names or paths. */
function knownOption(ctx: CommandContext): string[] {
  const v = ctx.args.options.known;
  if (typeof v !== 'string') return [];
  return v
    .split(/[,，]/)
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

/** A numbered checklist: `  3. [ ] goroutine — L1 初级 junior, 12 min · needed by: channel`. */
export function formatPlan(plan: LearningPlan): string {
  const titleOf = new Map(plan.steps.map((s) => [s.path, s.title]));
  const target = plan.steps[plan.steps.length - 1];
  const lines = [
    `Learning plan for ${target?.title ?? plan.target} (${plan.target}): ${plan.steps.length} step${plan.steps.length === 1 ? '' : 's'}, ${plan.totalMin} min left`,
  ];
  const width = String(plan.steps.length).length;
  plan.steps.forEach((s, i) => {
    const box = s.state === 'learned' ? '[x]' : s.state === 'learning' ? '[~]' : '[ ]';
    const level = s.level ? LEVEL_LABELS[s.level] : 'no level';
    const minutes = `${s.estimateMin} min${s.estimated ? ' (estimated)' : ''}`;
    const needed =
      s.neededBy.length > 0 ? ` · needed by: ${s.neededBy.map((p) => titleOf.get(p) ?? p).join(', ')}` : '';
    lines.push(`${String(i + 1).padStart(width + 2)}. ${box} ${s.title} — ${level}, ${minutes}${needed}`);
  });
  for (const c of plan.cycles)
    lines.push(`Prerequisite cycle (broken by level, then title): ${c.map((p) => titleOf.get(p) ?? p).join(' → ')}`);
  if (plan.unresolved.length > 0) lines.push(`Unresolved prerequisites (no such note): ${plan.unresolved.join(', ')}`);
  return lines.join('\n');
}

export const planCommand: Command = {
  name: 'plan',
  usage: 'plan <vault> <target> [--known a,b] [--json]  learning plan: prerequisites of <target> in topological order',
  options: { known: { type: 'string' } },
  async run(ctx) {
    const target = arg(ctx, 1, '<target>');
    const known = knownOption(ctx);
    const s = await service(ctx);
    const plan = cli(() => s.plan(target, known));
    if (ctx.json) ctx.printJson(plan);
    else ctx.print(formatPlan(plan));
    return 0;
  },
};

export const pathCommand: Command = {
  name: 'path',
  usage: 'path <vault> <from> <to> [--json]           shortest chain of links between two notes',
  options: {},
  async run(ctx) {
    const from = arg(ctx, 1, '<from>');
    const to = arg(ctx, 2, '<to>');
    const s = await service(ctx);
    const result = cli(() => s.connectionDetail(from, to));
    if (ctx.json) {
      ctx.printJson(toConnectionPath(result));
      return 0;
    }
    if (result.hops.length === 0) {
      ctx.print(result.message ?? 'no connection');
      return 0;
    }
    const g = s.graph();
    const title = (p: string) => g.nodes[g.ids.get(p) ?? -1]?.title ?? p;
    const lines = [
      `${title(result.hops[0].from)} → ${title(result.hops[result.hops.length - 1].to)}: ${result.hops.length} hop${result.hops.length === 1 ? '' : 's'}`,
    ];
    result.hops.forEach((h, i) => {
      const how = h.relation === null ? `${h.kind} link` : `${h.relation} (${h.kind} link)`;
      const where = h.source === h.from ? `links to it` : `backlink: ${title(h.to)} links here`;
      lines.push(`  ${i + 1}. ${title(h.from)} → ${title(h.to)}  ${how}, ${where}, ${h.source}:${h.line}`);
      lines.push(`       ${h.context}`);
    });
    ctx.print(lines.join('\n'));
    return 0;
  },
};

export const nextCommand: Command = {
  name: 'next',
  usage: 'next <vault> [--limit 20] [--json]          unlearned notes whose prerequisites are all learned',
  options: { limit: { type: 'string' } },
  async run(ctx) {
    const raw = ctx.args.options.limit;
    const limit = raw === undefined ? undefined : Number(raw);
    if (limit !== undefined && (!Number.isInteger(limit) || limit < 0))
      throw new CliError('--limit must be a whole number');
    const s = await service(ctx);
    const next = s.nextUp(limit);
    if (ctx.json) {
      ctx.printJson(next);
      return 0;
    }
    if (next.length === 0) {
      ctx.print('Nothing is ready: every note is learned or waits for a prerequisite.');
      return 0;
    }
    const g = s.graph();
    const lines = ['Next up (ready to learn; "unlocks" = notes that become ready once it is learned):'];
    next.forEach((n, i) => {
      const node = g.nodes[g.ids.get(n.path)!];
      const level = node.level ? LEVEL_LABELS[node.level] : 'no level';
      lines.push(`  ${i + 1}. [ ] ${n.title} — ${level}, ${node.estimateMin} min, unlocks ${n.unlocks}  (${n.path})`);
    });
    ctx.print(lines.join('\n'));
    return 0;
  },
};

export const learnCommand: Command = {
  name: 'learn',
  usage: 'learn <vault> <note> [--unlearn] [--learning] [--json]  mark progress in <vault>/.atlas/progress.json',
  options: { unlearn: { type: 'boolean' }, learning: { type: 'boolean' } },
  async run(ctx) {
    const note = arg(ctx, 1, '<note>');
    const { unlearn, learning } = ctx.args.options;
    if (unlearn && learning) throw new CliError('use either --unlearn or --learning, not both');
    const state: ProgressState | null = unlearn ? null : learning ? 'learning' : 'learned';
    const s = await service(ctx);
    const path = cli(() => s.setProgress(note, state));
    if (ctx.json) ctx.printJson({ path, state });
    else ctx.print(state === null ? `${path}: progress cleared` : `${path}: marked ${state}`);
    return 0;
  },
};

/** The learning-path commands (plan, path, next, learn). */
export const learningCommands: Command[] = [planCommand, pathCommand, nextCommand, learnCommand];
