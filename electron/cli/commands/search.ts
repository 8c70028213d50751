import type { Command } from '../command.ts';
import { CliError } from '../command.ts';

/** `search <vault> <query> [--json]` → `[{ path, title, snippet }]`, best first. */
export const searchCommand: Command = {
  name: 'search',
  usage: 'search <vault> <query> [--json]            full-text search, title and alias matches first',
  options: {},
  async run(ctx) {
    const text = ctx.args.positional.slice(1).join(' ');
    if (!text.trim()) throw new CliError('missing <query> argument');
    const { query } = await ctx.openVault();
    const hits = query.search(text).map(({ path, title, snippet }) => ({ path, title, snippet }));
    if (ctx.json) ctx.printJson(hits);
    else if (hits.length === 0) ctx.print(`no results for "${text}"`);
    else ctx.print(hits.map((h, i) => `${i + 1}. ${h.title} (${h.path})\n   ${h.snippet}`).join('\n'));
    return 0;
  },
};
