import { useEffect, useState } from 'react';
import type { LearningPlan } from '../../../electron/shared/api.ts';
import { levelLabel, minutesLabel } from './format.ts';
import { withKeys } from '../react-keys.ts';

/**
 * The learning plan as a checklist: one checkbox per step, labelled with the step's title, level and minutes
 * (ticking marks the note learned, unticking clears it), an "Open" button per step, time left, cycles and
 * unresolved prerequisites.
 *
 * A box ticks at once (optimistically, so a click or Playwright's `check()` sees the new state): the wanted state
 * is shown while the parent has the step in `busy` (it marks the step busy synchronously in `onToggle`, then saves);
 * when the save ends the plan's own state shows again, so a failed save reverts the box (the parent shows the error).
 */
export function PlanChecklist(props: {
  plan: LearningPlan;
  busy: ReadonlySet<string>;
  onToggle(path: string, learned: boolean): void;
  onOpen(path: string): void;
}) {
  const { plan, busy } = props;
  const [wanted, setWanted] = useState<ReadonlyMap<string, boolean>>(new Map());
  // forget the wanted state of steps whose save has ended
  useEffect(() => {
    setWanted((w) => ([...w.keys()].every((p) => busy.has(p)) ? w : new Map([...w].filter(([p]) => busy.has(p)))));
  }, [busy]);
  const isChecked = (path: string, learned: boolean) =>
    busy.has(path) && wanted.has(path) ? wanted.get(path)! : learned;
  const titleOf = new Map(plan.steps.map((s) => [s.path, s.title]));
  const left = plan.steps.reduce((n, s) => n + (s.state === 'learned' ? 0 : s.estimateMin), 0);
  const done = plan.steps.filter((s) => s.state === 'learned').length;
  return (
    <section aria-label="Plan" className="learning-plan">
      <p className="learning-summary">
        <span>
          {done}/{plan.steps.length} learned
        </span>
        <output aria-label="Time left">{minutesLabel(left)} left</output>
      </p>
      <ol className="learning-steps">
        {plan.steps.map((s, i) => {
          const label = `${s.title}, ${levelLabel(s.level)}, ${s.estimated ? 'about ' : ''}${minutesLabel(s.estimateMin)}`;
          return (
            <li
              key={s.path}
              className={`learning-step${s.state === 'learned' ? ' learning-done' : ''}${s.path === plan.target ? ' learning-target' : ''}`}
            >
              <label className="learning-check">
                <input
                  type="checkbox"
                  checked={isChecked(s.path, s.state === 'learned')}
                  disabled={busy.has(s.path)}
                  onChange={(e) => {
                    const learned = e.currentTarget.checked;
                    setWanted((w) => new Map(w).set(s.path, learned));
                    props.onToggle(s.path, learned);
                  }}
                  aria-label={label}
                />
                <span className="learning-step-body">
                  <span className="learning-step-title">
                    <span className="learning-num">{i + 1}.</span> {s.title}
                  </span>
                  <span className="learning-meta">
                    {levelLabel(s.level)} · {s.estimated ? '≈' : ''}
                    {minutesLabel(s.estimateMin)}
                    {s.state === 'learning' ? <span className="learning-badge">learning</span> : null}
                    {s.review ? (
                      <span
                        className="learning-badge learning-review"
                        title="Its flashcards are failing or fading (practice)"
                      >
                        review first{typeof s.retention === 'number' ? ` · ${Math.round(s.retention * 100)} %` : ''}
                      </span>
                    ) : null}
                  </span>
                </span>
              </label>
              <button
                type="button"
                className="learning-open"
                aria-label={`Open ${s.title}`}
                title={s.path}
                onClick={() => props.onOpen(s.path)}
              >
                Open
              </button>
              {s.neededBy.length > 0 ? (
                <span className="learning-needed">
                  needed by {s.neededBy.map((p) => titleOf.get(p) ?? p).join(', ')}
                </span>
              ) : null}
            </li>
          );
        })}
      </ol>
      {withKeys(plan.cycles, (c) => c.join('\u0000')).map(({ key, item: c }) => (
        <p key={key} className="learning-warning">
          Prerequisite cycle: {c.map((p) => titleOf.get(p) ?? p).join(' → ')} (ordered by level, then title)
        </p>
      ))}
      {plan.unresolved.length > 0 ? (
        <p className="learning-warning">Missing prerequisites (no such note): {plan.unresolved.join(', ')}</p>
      ) : null}
    </section>
  );
}
