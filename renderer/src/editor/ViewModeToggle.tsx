/** "Editing view" / "Reading view" of the active note (Obsidian's mode switch; Ctrl/Cmd+E toggles). */
export function ViewModeToggle({ reading, onReading }: { reading: boolean; onReading(on: boolean): void }) {
  return (
    <fieldset aria-label="View mode" className="view-toggle">
      <button
        type="button"
        aria-pressed={!reading}
        onClick={() => onReading(false)}
        title="Edit the markdown source (Ctrl+E toggles)"
      >
        Editing view
      </button>
      <button
        type="button"
        aria-pressed={reading}
        onClick={() => onReading(true)}
        title="Show the rendered note (Ctrl+E toggles)"
      >
        Reading view
      </button>
    </fieldset>
  );
}
