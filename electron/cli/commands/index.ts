import type { Command } from '../command.ts';
import { indexCommand } from './index-command.ts';
import { exportCommand } from './export.ts';
import { backlinksCommand } from './backlinks.ts';
import { searchCommand } from './search.ts';
import { mentionsCommand } from './mentions.ts';
import { checkCommand } from './check.ts';
import { learningCommands } from './learning.ts';
import { reviewCommands } from './review.ts';

/** Every `atlas` command, in the order `atlas help` lists them. */
export const commands: Command[] = [
  indexCommand,
  exportCommand,
  backlinksCommand,
  searchCommand,
  mentionsCommand,
  checkCommand,
  ...learningCommands,
  ...reviewCommands,
];
