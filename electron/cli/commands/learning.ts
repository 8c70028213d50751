import type { Command } from '../command.ts';

/** The learning-path commands (plan, path, next, learn); filled in by the learning issue. */
export const learningCommands: Command[] = [];
