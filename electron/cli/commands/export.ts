import type { Command } from '../command.ts';

/** `export <vault> [--db F]`: the whole index as one JSON value (`VaultExport`). */
export const exportCommand: Command = {
  name: 'export',
  usage: 'export <vault> [--db F]                    notes, files, links and problems as JSON',
  options: {},
  async run(ctx) {
    const { query } = await ctx.openVault();
    ctx.printJson(query.export());
    return 0;
  },
};
