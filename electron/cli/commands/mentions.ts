import type { Command } from '../command.ts';
import { noteArg } from '../open-index.ts';

/** `mentions <vault> <note> [--json]` → `[{ source, line, text }]`: unlinked mentions of the note's title and aliases. */
export const mentionsCommand: Command = {
  name: 'mentions',
  usage: 'mentions <vault> <note> [--json]           unlinked mentions of <note> in other notes',
  options: {},
  async run(ctx) {
    const { query } = await ctx.openVault();
    const path = noteArg(query, ctx.args.positional[1]);
    const rows = query.mentions(path).map(({ source, line, text }) => ({ source, line, text }));
    if (ctx.json) ctx.printJson(rows);
    else if (rows.length === 0) ctx.print(`no unlinked mentions of ${path}`);
    else ctx.print(rows.map((r) => `${r.source}:${r.line} ${r.text}`).join('\n'));
    return 0;
  },
};
