/**
 * The editor's commands in the one registry (commands/registry.ts). Imported once by Editor.tsx.
 */
import { registerCommand } from '../commands/registry.ts';
import { isSourceMode, setSourceMode } from './source-mode.ts';

// Obsidian's command name; no default hotkey there either.
registerCommand({
  id: 'editor:toggle-source-mode',
  name: 'Toggle Live Preview/Source mode',
  run: () => setSourceMode(!isSourceMode()),
});
