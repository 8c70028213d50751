import { useCallback, useEffect, useId, useMemo, useRef, useState, type FormEvent } from 'react';
import type { CuratedPath, LearningPlan, NextUp } from '../../../electron/shared/api.ts';
import { useApiQuery } from '../backend/query.ts';
import { useFileList } from '../backend/file-list.ts';
import { useIndexVersion, useProgress, useReviewSummary } from '../backend/vault-events.ts';
import { api } from '../client.ts';
import { titleOf } from '../paths.ts';
import { CuratedPaths } from './CuratedPaths.tsx';
import { NextUpList } from './NextUpList.tsx';
import { PlanChecklist } from './PlanChecklist.tsx';
import { keepLearned, withProgress } from './plan-merge.ts';
import type { LearningPanelProps } from './types.ts';
import { practiceConcept } from '../review/session.ts';
import { suggestions } from '../components/suggestions.ts';
import './learning.css';

function message(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/**
 * The learning panel (region "Learning"): a target picker (title, alias or path, with a datalist of note titles) and
 * "Plan for current note"; the learning plan as a checklist (ticking marks a note learned through the API, unticking
 * clears it) with the time left; "Next up"; curated paths with Previous/Next along the open path.
 * Refreshes (re-plans the shown target, keeping ticked steps) when the progress or the index changes (backend events);
 * reports every plan change through `onPlanChange`.
 */
export function LearningPanel({ currentPath, onOpenNote, onPlanChange }: LearningPanelProps) {
  const inputId = useId();
  const listId = useId();
  const [targetText, setTargetText] = useState('');
  const [plan, setPlan] = useState<LearningPlan | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [openPath, setOpenPath] = useState<string | null>(null);
  const [busy, setBusy] = useState<ReadonlySet<string>>(new Set());
  // `review`: a graded card can make a concept "not learned" (re-study) or a prerequisite "review first" (practice, #15)
  // (each read on its own: the index status's progress events during a cold index do not re-render the panel)
  const version = useIndexVersion();
  const progress = useProgress();
  const review = useReviewSummary();
  const planRef = useRef<LearningPlan | null>(null);
  const request = useRef(0);
  planRef.current = plan;

  useEffect(() => {
    onPlanChange(plan);
  }, [plan, onPlanChange]);

  const runPlan = useCallback(async (target: string, keep: boolean) => {
    const mine = ++request.current;
    try {
      const fresh = await api.plan(target);
      if (mine !== request.current) return;
      setPlan(keep ? keepLearned(planRef.current, fresh) : fresh);
      setError(null);
    } catch (e) {
      if (mine !== request.current) return;
      setError(message(e));
      if (!keep) setPlan(null);
    }
  }, []);

  // Progress changed (ticked here or in another window): the shown plan's states follow at once.
  useEffect(() => {
    if (progress) setPlan((p) => (p ? withProgress(p, progress) : p));
  }, [progress]);

  // Re-plan the same target after the vault or the progress changed: a prerequisite may have been added or removed,
  // and a note ticked out of order implies its own prerequisites are known (they leave the plan, as in Metacademy).
  const changes = useRef({ version, progress, review });
  useEffect(() => {
    if (
      changes.current.version === version &&
      changes.current.progress === progress &&
      changes.current.review === review
    )
      return;
    changes.current = { version, progress, review };
    const shown = planRef.current;
    if (shown) void runPlan(shown.target, true);
  }, [version, progress, review, runPlan]);

  // Next up depends on the progress as well as the index.
  const nextUp = useApiQuery<NextUp[]>(['nextUp', progress, review], () => api.nextUp());
  const curated = useApiQuery<CuratedPath[]>(['curatedPaths'], () => api.curatedPaths());
  const files = useFileList();
  const next = nextUp.data;
  const paths = curated.data;
  // the datalist is a convenience; typing a name still works without it
  const titles = useMemo(
    () => [...new Set((files.data ?? []).filter((f) => f.kind === 'note').map((f) => titleOf(f.path)))].sort(),
    [files.data],
  );
  // bounded: a datalist of every title of a 10,000-note vault was a 300 ms commit (suggestions.ts)
  const shownTitles = useMemo(() => suggestions(titles, targetText), [titles, targetText]);
  const loadError = nextUp.error ?? curated.error;

  const toggle = useCallback(async (path: string, learned: boolean) => {
    setBusy((b) => new Set(b).add(path));
    try {
      await api.setProgress(path, learned ? 'learned' : null);
      // The progress-changed event follows; updating here keeps the box right even if the event is late.
      setPlan((p) =>
        p
          ? { ...p, steps: p.steps.map((s) => (s.path === path ? { ...s, state: learned ? 'learned' : null } : s)) }
          : p,
      );
      setError(null);
    } catch (e) {
      setError(message(e));
    } finally {
      setBusy((b) => {
        const n = new Set(b);
        n.delete(path);
        return n;
      });
    }
  }, []);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const t = targetText.trim();
    if (t) void runPlan(t, false);
  };

  const planCurrent = () => {
    if (!currentPath) return;
    setTargetText(titleOf(currentPath));
    void runPlan(currentPath, false);
  };

  const clear = () => {
    request.current++;
    setPlan(null);
    setError(null);
  };

  return (
    <section aria-label="Learning" className="learning-panel">
      <h2>Learning</h2>
      <form className="learning-picker" onSubmit={submit}>
        <label htmlFor={inputId} className="learning-label">
          Learning target
        </label>
        <div className="learning-row">
          <input
            id={inputId}
            className="learning-input"
            list={listId}
            value={targetText}
            placeholder="Concept title, alias or path"
            onChange={(e) => setTargetText(e.currentTarget.value)}
          />
          <button type="submit" disabled={targetText.trim() === ''}>
            Plan
          </button>
        </div>
        <datalist id={listId}>
          {shownTitles.map((t) => (
            <option key={t} value={t} />
          ))}
        </datalist>
        <div className="learning-row">
          <button type="button" onClick={planCurrent} disabled={!currentPath}>
            Plan for current note
          </button>
          {plan ? (
            <button type="button" onClick={clear}>
              Clear plan
            </button>
          ) : null}
          <button
            type="button"
            disabled={!plan && !currentPath}
            onClick={() => {
              const c = plan?.target ?? currentPath;
              if (c) practiceConcept(c);
            }}
            title="Its flashcards and exercises, then its prerequisites' (Review view)"
          >
            Practice this concept
          </button>
        </div>
      </form>
      {(error ?? loadError) ? (
        <p role="alert" className="learning-error">
          {error ?? loadError?.message}
        </p>
      ) : null}
      {plan ? (
        <PlanChecklist plan={plan} busy={busy} onToggle={(p, l) => void toggle(p, l)} onOpen={onOpenNote} />
      ) : (
        <p className="learning-empty">Pick a target to see what to learn first.</p>
      )}
      <NextUpList items={next} onOpen={onOpenNote} />
      <CuratedPaths
        paths={paths}
        openPath={openPath}
        currentPath={currentPath}
        onOpenPath={setOpenPath}
        onOpenNote={onOpenNote}
      />
    </section>
  );
}
