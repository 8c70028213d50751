/**
 * Loads every command file of the app. To add a command: a file next to this one that calls `registerCommand`, and
 * one import line here.
 */
export { registerCommand, runCommand, useCommands, useCommandList, allCommands, shortcutsOf } from './registry.ts';
export type { Command } from './registry.ts';
export type { AppContext, OpenOptions } from './context.ts';
