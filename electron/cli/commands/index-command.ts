import type { Command } from '../command.ts';
import { openCliVault } from '../open-index.ts';

/** `index <vault> [--db F] [--json]`: builds or updates the index and prints what it did (counts and ms). */
export const indexCommand: Command = {
  name: 'index',
  usage: 'index <vault> [--db F] [--json]            build or update the index; prints counts and ms',
  options: {},
  async run(ctx) {
    const { vault, summary: s } = await openCliVault(ctx.args);
    const { index } = vault;
    try {
      if (ctx.json) ctx.printJson({ ...s, db: index.dbPath });
      else
        ctx.print(
          `${s.mode} index of ${index.vaultRoot}: ${s.notes} notes, ${s.files} files, ${s.links} links, ` +
            `${s.parsed} parsed, ${s.deleted} deleted, ${s.problems} problems in ${Math.round(s.ms)} ms (db ${index.dbPath})`,
        );
      return 0;
    } finally {
      vault.close();
    }
  },
};
