import type { Command } from '../command.ts';
import { noteArg } from '../open-index.ts';

/** `backlinks <vault> <note> [--json]` → `[{ source, line, kind, context }]`. */
export const backlinksCommand: Command = {
  name: 'backlinks',
  usage: 'backlinks <vault> <note> [--json]          notes linking to <note>, with context',
  options: {},
  async run(ctx) {
    const { query } = await ctx.openVault();
    const path = noteArg(query, ctx.args.positional[1]);
    const rows = query.backlinks(path).map(({ source, line, kind, context }) => ({ source, line, kind, context }));
    if (ctx.json) ctx.printJson(rows);
    else if (rows.length === 0) ctx.print(`no backlinks to ${path}`);
    else ctx.print(rows.map((r) => `${r.source}:${r.line} [${r.kind}] ${r.context}`).join('\n'));
    return 0;
  },
};
