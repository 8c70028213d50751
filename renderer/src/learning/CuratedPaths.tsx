import type { CuratedPath } from '../../../electron/shared/api.ts';
import { withKeys } from '../react-keys.ts';

/**
 * Curated paths (`type: path` notes): a list; opening one shows its steps, and when the current note is on the
 * path, "Previous" / "Next" buttons that open the neighbouring steps (unresolved steps are skipped).
 */
export function CuratedPaths(props: {
  paths: CuratedPath[] | null;
  openPath: string | null;
  currentPath: string | null;
  onOpenPath(path: string | null): void;
  onOpenNote(path: string): void;
}) {
  const open = props.paths?.find((p) => p.path === props.openPath) ?? null;
  if (props.paths && props.paths.length === 0) return null;
  return (
    <section aria-label="Curated paths" className="learning-curated">
      <h3 className="learning-heading">Curated paths</h3>
      {open ? (
        <CuratedPathSteps
          path={open}
          currentPath={props.currentPath}
          onClose={() => props.onOpenPath(null)}
          onOpenNote={props.onOpenNote}
        />
      ) : (
        <ul className="learning-list">
          {(props.paths ?? []).map((p) => (
            <li key={p.path}>
              <button type="button" className="learning-item" title={p.path} onClick={() => props.onOpenPath(p.path)}>
                <span className="learning-item-title">{p.title}</span>{' '}
                <span className="learning-meta">{p.steps.length} steps</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function CuratedPathSteps(props: {
  path: CuratedPath;
  currentPath: string | null;
  onClose(): void;
  onOpenNote(path: string): void;
}) {
  const steps = props.path.steps;
  const here = props.currentPath === null ? -1 : steps.findIndex((s) => s.path === props.currentPath);
  const find = (from: number, dir: 1 | -1): string | null => {
    for (let i = from + dir; i >= 0 && i < steps.length; i += dir) if (steps[i].path) return steps[i].path;
    return null;
  };
  const prev = here >= 0 ? find(here, -1) : null;
  const next = here >= 0 ? find(here, 1) : null;
  // Off the path, "Previous"/"Next" have nothing to go from: offer the first step instead of a dead end.
  const first = here < 0 ? find(-1, 1) : null;
  return (
    <div className="learning-path-open">
      {/* the title on its own line, cut with an ellipsis: beside the buttons a CJK title wrapped one character over */}
      <strong className="learning-path-title" title={props.path.title}>
        {props.path.title}
      </strong>
      <div className="learning-row">
        <button type="button" onClick={() => props.onOpenNote(props.path.path)}>
          Open path note
        </button>
        {first ? (
          <button type="button" onClick={() => props.onOpenNote(first)} title="Open the path's first step">
            Start
          </button>
        ) : null}
        <button type="button" onClick={props.onClose}>
          All paths
        </button>
      </div>
      {here >= 0 ? (
        <fieldset className="learning-row" aria-label="Path navigation">
          <button type="button" disabled={!prev} onClick={() => prev && props.onOpenNote(prev)}>
            Previous
          </button>
          <span className="learning-meta">
            step {here + 1} of {steps.length}
          </span>
          <button type="button" disabled={!next} onClick={() => next && props.onOpenNote(next)}>
            Next
          </button>
        </fieldset>
      ) : null}
      <ol className="learning-path-steps">
        {withKeys(steps, (s) => s.raw).map(({ key, item: s }, i) => (
          <li
            key={key}
            className={i === here ? 'learning-current' : undefined}
            aria-current={i === here ? 'step' : undefined}
          >
            {s.path ? (
              <button type="button" className="learning-item" title={s.path} onClick={() => props.onOpenNote(s.path!)}>
                {s.title}
              </button>
            ) : (
              <span className="learning-unresolved" title="No such note">
                {s.title}
              </span>
            )}
          </li>
        ))}
      </ol>
    </div>
  );
}
