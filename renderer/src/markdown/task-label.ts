/**
 * The accessible name of a task's checkbox (Reading view and Live Preview alike): 'Task' for `[ ]`, 'Completed task'
 * for `[x]`/`[X]`, and `Task (/)` for a custom status such as `[/]` (checked, as Obsidian shows it, but not done).
 */
export function taskLabel(status: string | undefined, checked: boolean): string {
  if (!checked) return 'Task';
  return !status || status === 'x' || status === 'X' ? 'Completed task' : `Task (${status})`;
}
