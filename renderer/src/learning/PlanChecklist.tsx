import type { LearningPlan } from '../../../electron/shared/api.ts';
import { levelLabel, minutesLabel } from './format.ts';

/**
 * The learning plan as a checklist: one checkbox per step, labelled with the step's title, level and minutes
 * (ticking marks the note learned, unticking clears it), an "Open" button per step, time left, cycles and
 * unresolved prerequisites.
 */
export function PlanChecklist(props: {
  plan: LearningPlan;
  busy: ReadonlySet<string>;
  onToggle(path: string, learned: boolean): void;
  onOpen(path: string): void;
}) {
  const { plan } = props;
  const titleOf = new Map(plan.steps.map((s) => [s.path, s.title]));
  const left = plan.steps.reduce((n, s) => n + (s.state === 'learned' ? 0 : s.estimateMin), 0);
  const done = plan.steps.filter((s) => s.state === 'learned').length;
  return (
    <section aria-label="Plan" className="learning-plan">
      <p className="learning-summary">
        <span>{done}/{plan.steps.length} learned</span>
        <span aria-label="Time left">{minutesLabel(left)} left</span>
      </p>
      <ol className="learning-steps">
        {plan.steps.map((s, i) => {
          const label = `${s.title}, ${levelLabel(s.level)}, ${s.estimated ? 'about ' : ''}${minutesLabel(s.estimateMin)}`;
          return (
            <li key={s.path} className={`learning-step${s.state === 'learned' ? ' learning-done' : ''}${s.path === plan.target ? ' learning-target' : ''}`}>
              <label className="learning-check">
                <input
                  type="checkbox"
                  checked={s.state === 'learned'}
                  disabled={props.busy.has(s.path)}
                  onChange={(e) => props.onToggle(s.path, e.currentTarget.checked)}
                  aria-label={label}
                />
                <span className="learning-step-body">
                  <span className="learning-step-title"><span className="learning-num">{i + 1}.</span> {s.title}</span>
                  <span className="learning-meta">{levelLabel(s.level)} · {s.estimated ? '≈' : ''}{minutesLabel(s.estimateMin)}
                    {s.state === 'learning' ? <span className="learning-badge">learning</span> : null}</span>
                </span>
              </label>
              <button className="learning-open" aria-label={`Open ${s.title}`} title={s.path} onClick={() => props.onOpen(s.path)}>Open</button>
              {s.neededBy.length > 0 ? (
                <span className="learning-needed">needed by {s.neededBy.map((p) => titleOf.get(p) ?? p).join(', ')}</span>
              ) : null}
            </li>
          );
        })}
      </ol>
      {plan.cycles.map((c, i) => (
        <p key={i} className="learning-warning">Prerequisite cycle: {c.map((p) => titleOf.get(p) ?? p).join(' → ')} (ordered by level, then title)</p>
      ))}
      {plan.unresolved.length > 0 ? (
        <p className="learning-warning">Missing prerequisites (no such note): {plan.unresolved.join(', ')}</p>
      ) : null}
    </section>
  );
}
