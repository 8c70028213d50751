import type { Command } from '../command.ts';

/**
 * `check <vault> [--json]` → `{ unresolved, ambiguous, brokenAnchors, problems, orphans, cycles, missingPrerequisites, aliasLinks }`.
 * Exits 0 even when it finds problems: it is a report, not a gate.
 */
export const checkCommand: Command = {
  name: 'check',
  usage:
    'check <vault> [--json]                     unresolved, ambiguous and broken links, problems, orphans, prerequisite cycles',
  options: {},
  async run(ctx) {
    const report = (await ctx.openVault()).check();
    if (ctx.json) {
      ctx.printJson(report);
      return 0;
    }
    const out: string[] = [];
    const section = (title: string, lines: string[]) => {
      out.push(`${title}: ${lines.length}`);
      for (const l of lines.slice(0, 50)) out.push(`  ${l}`);
      if (lines.length > 50) out.push(`  … and ${lines.length - 50} more (use --json)`);
    };
    section(
      'unresolved links',
      report.unresolved.map((u) => `${u.source}:${u.line} ${u.raw}`),
    );
    section(
      'ambiguous links',
      report.ambiguous.map((a) =>
        a.chosen === null
          ? `${a.source}:${a.line} ${a.raw} → none (alias of ${a.candidates.join(', ')})`
          : `${a.source}:${a.line} ${a.raw} → ${a.chosen} (also ${a.candidates.filter((c) => c !== a.chosen).join(', ')})`,
      ),
    );
    section(
      'broken heading/block links',
      report.brokenAnchors.map((b) => `${b.source}:${b.line} ${b.raw}`),
    );
    section(
      'problems',
      report.problems.map((p) => `${p.path} [${p.kind}] ${p.message}`),
    );
    section('orphan notes', report.orphans);
    section(
      'prerequisite cycles',
      report.cycles.map((c) => c.join(' → ')),
    );
    section(
      'missing prerequisites',
      report.missingPrerequisites.map((m) => `${m.source}: ${m.raw}`),
    );
    ctx.print(out.join('\n'));
    return 0;
  },
};
