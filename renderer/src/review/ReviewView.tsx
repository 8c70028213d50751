/**
 * The Review view (region "Review"; Ctrl/Cmd+Shift+R, command palette "Review"): flashcards one at a time — the
 * question, the answer revealed on Space, graded Again / Hard / Good / Easy with 1–4 (FSRS, docs/review.md) — with
 * the card's note one click away. After a grade it says which prerequisites got implicit credit, and after Again which
 * prerequisites are weakest (each with "Practice"). In practice mode ("Practice this concept") it shows the concept's
 * cards, then its prerequisites', and lists their exercises.
 *
 * Keys are handled on the view itself (not a window listener): Space reveals, 1–4 grade once the answer shows.
 * Card text is rendered by the reading view's sanitised markdown pipeline; text with CJK characters gets
 * `lang="zh-Hans"` so Chinese glyphs are chosen (Han unification) and the CJK font stack applies.
 */
import {
  useCallback,
  useEffect,
  useEffectEvent,
  useMemo,
  useRef,
  useState,
  type ComponentProps,
  type KeyboardEvent,
  type ReactElement,
} from 'react';
import { Fragment, jsx, jsxs } from 'react/jsx-runtime';
import { toJsxRuntime, type Components, type Jsx } from 'hast-util-to-jsx-runtime';
import type { ExerciseInfo, GradePreview, GradeResult, ReviewCard, ReviewGrade } from '../../../electron/shared/api.ts';
import { api } from '../client.ts';
import { useIndexVersion } from '../backend/vault-events.ts';
import { renderMarkdown } from '../markdown/render.ts';
import { useSettings } from '../settings/store.ts';
import type { ViewProps } from '../workspace/views.ts';
import { intervalLabel } from './intervals.ts';
import { practiceConcept, reviewDue, useReviewTarget } from './session.ts';
import './review.css';

const GRADES: { grade: ReviewGrade; label: string; key: string }[] = [
  { grade: 'again', label: 'Again', key: '1' },
  { grade: 'hard', label: 'Hard', key: '2' },
  { grade: 'good', label: 'Good', key: '3' },
  { grade: 'easy', label: 'Easy', key: '4' },
];

const CJK = /[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef]/u;

function message(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

function percent(r: number | null): string {
  return r === null ? 'not reviewed' : `${Math.round(r * 100)} %`;
}

/** Card markdown → React elements (sanitised hast); wiki links open their note. */
function CardText({
  text,
  from,
  onOpen,
  label,
}: {
  text: string;
  from: string;
  onOpen(target: string, from: string): void;
  label: string;
}) {
  // the "Strict line breaks" setting, as in the reading view
  const breaks = !useSettings().values.strictLineBreaks;
  const content = useMemo(() => {
    const tree = renderMarkdown(text, { breaks }).tree;
    // over the rich-rendering size limit the grammar gives no tree: show the text as it is
    if (!tree) return <span style={{ whiteSpace: 'pre-wrap' }}>{text}</span>;
    const components: Partial<Components> = {
      a: ({ href, children, ...rest }: ComponentProps<'a'> & { 'data-wikilink'?: string }) => {
        const target = (rest as Record<string, unknown>)['data-wikilink'];
        if (typeof target === 'string') {
          return (
            <button type="button" className="link-button internal-link" onClick={() => onOpen(target, from)}>
              {children}
            </button>
          );
        }
        return (
          <a href={href} target="_blank" rel="noreferrer">
            {children}
          </a>
        );
      },
      img: ({ alt }: ComponentProps<'img'>) => <span className="image-ref">{alt || 'image'}</span>,
    };
    return toJsxRuntime(tree, {
      Fragment,
      jsx: jsx as Jsx,
      jsxs: jsxs as Jsx,
      components,
      passKeys: true,
      ignoreInvalidStyle: true,
    }) as ReactElement;
  }, [text, from, onOpen, breaks]);
  return (
    <div className="review-text" role="note" aria-label={label} lang={CJK.test(text) ? 'zh-Hans' : undefined}>
      {content}
    </div>
  );
}

export function ReviewView({ app, visible }: ViewProps) {
  const target = useReviewTarget();
  const [cards, setCards] = useState<ReviewCard[] | null>(null);
  const [exercises, setExercises] = useState<ExerciseInfo[]>([]);
  const [conceptTitle, setConceptTitle] = useState<string | null>(null);
  const [pos, setPos] = useState(0);
  const [revealed, setRevealed] = useState(false);
  const [last, setLast] = useState<GradeResult | null>(null);
  const [done, setDone] = useState(0);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const root = useRef<HTMLElement>(null);
  const loaded = useRef<string | null>(null);

  const load = useCallback(async () => {
    setError(null);
    try {
      if (target.concept === null) {
        const due = await api.reviewCards({ due: true, limit: 500 });
        setCards(due);
        setExercises([]);
        setConceptTitle(null);
      } else {
        const set = await api.practice(target.concept);
        setCards(set.groups.flatMap((g) => g.cards));
        const byPath = new Map<string, ExerciseInfo>();
        for (const e of set.groups.flatMap((g) => g.exercises)) if (!byPath.has(e.path)) byPath.set(e.path, e);
        setExercises([...byPath.values()]);
        setConceptTitle(set.groups[0]?.title ?? target.concept);
      }
      setPos(0);
      setRevealed(false);
      setDone(0);
    } catch (e) {
      setCards([]);
      setError(message(e));
    }
  }, [target]);

  // (Re)load when the target changes, and when shown again after the queue ran out or the vault changed meanwhile.
  // The index version (the vault changed) re-runs this too, so a finished queue picks up new cards.
  const version = useIndexVersion();
  const sync = useEffectEvent((seq: number, shown: boolean, _version: number) => {
    const key = `${seq}`;
    if (loaded.current !== key) {
      loaded.current = key;
      setLast(null);
      void load();
    } else if (shown && cards !== null && pos >= cards.length) void load();
  });
  useEffect(() => sync(target.seq, visible, version), [target.seq, visible, version]);

  const focusView = useEffectEvent((shown: boolean, _seq: number) => {
    if (shown) root.current?.focus({ preventScroll: true });
  });
  useEffect(() => focusView(visible, target.seq), [visible, target.seq]);

  const card = cards && pos < cards.length ? cards[pos] : null;

  // what each grade would give the card shown (FSRS runs for this card only), for the buttons' intervals
  const [preview, setPreview] = useState<GradePreview | null>(null);
  const cardId = card?.id ?? null;
  useEffect(() => {
    setPreview(null);
    if (cardId === null || !revealed) return;
    let live = true;
    api.gradePreview(cardId).then(
      (p) => {
        if (live) setPreview(p);
      },
      () => {},
    );
    return () => {
      live = false;
    };
  }, [cardId, revealed]);

  const openNote = useCallback(
    (path: string, line?: number) => app.openNote(path, line === undefined ? undefined : { line }),
    [app],
  );
  const openLink = useCallback(
    (linkTarget: string, from: string) => {
      api.resolveLink(from, linkTarget).then(
        (p) => {
          if (p) openNote(p);
        },
        (e) => setError(message(e)),
      );
    },
    [openNote],
  );

  const reveal = () => {
    if (card && !revealed) setRevealed(true);
    root.current?.focus({ preventScroll: true });
  };

  const grade = async (g: ReviewGrade) => {
    if (!card || !revealed || busy) return;
    setBusy(true);
    try {
      const r = await api.gradeCard(card.id, g);
      setLast(r);
      setDone((d) => d + 1);
      setPos((p) => p + 1);
      setRevealed(false);
      setError(null);
    } catch (e) {
      setError(message(e));
    } finally {
      setBusy(false);
      root.current?.focus({ preventScroll: true });
    }
  };

  const onKeyDown = (e: KeyboardEvent<HTMLElement>) => {
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    const el = e.target as HTMLElement;
    if (el.closest('input, textarea, [contenteditable="true"]')) return;
    if (e.key === ' ' || e.key === 'Enter') {
      if (!card || revealed) return;
      e.preventDefault();
      reveal();
      return;
    }
    const g = GRADES.find((x) => x.key === e.key);
    if (g && revealed) {
      e.preventDefault();
      void grade(g.grade);
    }
  };

  const remaining = cards ? Math.max(0, cards.length - pos) : 0;

  return (
    <section ref={root} className="review-view" aria-label="Review" tabIndex={-1} onKeyDown={onKeyDown}>
      <header className="review-header">
        <h2>
          {conceptTitle ? (
            <>
              Practice: <span lang={CJK.test(conceptTitle) ? 'zh-Hans' : undefined}>{conceptTitle}</span>
            </>
          ) : (
            'Review'
          )}
        </h2>
        <span className="review-count" aria-live="polite">
          {cards === null ? 'Loading…' : `${remaining} ${conceptTitle ? 'to practise' : 'due'} · ${done} reviewed`}
        </span>
        <span className="spacer" />
        {conceptTitle ? (
          <button type="button" onClick={reviewDue}>
            Review due cards
          </button>
        ) : null}
      </header>
      {error ? (
        <p role="alert" className="review-error">
          {error}
        </p>
      ) : null}

      {card ? (
        <article className="review-card" aria-label="Flashcard">
          <div className="review-meta">
            <span>
              Card {pos + 1} of {cards?.length ?? 0}
            </span>
            <button
              type="button"
              className="link-button"
              onClick={() => openNote(card.note, card.line)}
              title={`${card.note}:${card.line}`}
            >
              Open note: <span lang={CJK.test(card.noteTitle) ? 'zh-Hans' : undefined}>{card.noteTitle}</span>
            </button>
            <span className="muted">{card.state === 'new' ? 'new' : `retention ${percent(card.retention)}`}</span>
          </div>
          <CardText text={card.question} from={card.note} onOpen={openLink} label="Question" />
          {revealed ? (
            <>
              <hr />
              <CardText text={card.answer} from={card.note} onOpen={openLink} label="Answer" />
              <fieldset className="review-grades" aria-label="Grade">
                {GRADES.map((g) => (
                  <button
                    key={g.grade}
                    type="button"
                    className={`grade grade-${g.grade}`}
                    disabled={busy}
                    aria-keyshortcuts={g.key}
                    onClick={() => void grade(g.grade)}
                  >
                    {g.label}{' '}
                    {preview?.card === card.id ? (
                      <span className="grade-interval">{intervalLabel(preview.grades[g.grade].intervalMs)}</span>
                    ) : null}{' '}
                    <kbd>{g.key}</kbd>
                  </button>
                ))}
              </fieldset>
            </>
          ) : (
            <button type="button" className="review-reveal" aria-keyshortcuts="Space" onClick={reveal}>
              Show answer <kbd>Space</kbd>
            </button>
          )}
        </article>
      ) : cards !== null ? (
        <p className="review-empty" role="status">
          {cards.length === 0
            ? conceptTitle
              ? 'This concept and its prerequisites have no flashcards yet.'
              : 'No cards are due. Tag notes #flashcards or use type: quiz to add cards.'
            : `Done: ${done} card${done === 1 ? '' : 's'} reviewed.`}
        </p>
      ) : null}

      {last ? (
        <div className="review-feedback" role="status" aria-label="Last review">
          <p>
            {last.grade[0].toUpperCase() + last.grade.slice(1)}: next review {new Date(last.card.due).toLocaleString()}.
          </p>
          {last.credited.length ? (
            <p>
              Credit to prerequisites:{' '}
              {last.credited
                .map((c) => `${c.note.replace(/^.*\//, '').replace(/\.md$/i, '')} ${Math.round(c.weight * 100)} %`)
                .join(', ')}
            </p>
          ) : null}
          {last.restudy ? (
            <p>
              <strong>Marked for re-study:</strong> {last.card.noteTitle}
            </p>
          ) : null}
          {last.weakPrerequisites.length ? (
            <div>
              <p>Weakest prerequisites:</p>
              <ul aria-label="Weakest prerequisites">
                {last.weakPrerequisites.map((w) => (
                  <li key={w.path}>
                    <button type="button" className="link-button" onClick={() => openNote(w.path)}>
                      {w.title}
                    </button>{' '}
                    <span className="muted">{w.restudy ? 're-study' : percent(w.retention)}</span>{' '}
                    <button type="button" onClick={() => practiceConcept(w.path)}>
                      Practice
                    </button>
                  </li>
                ))}
              </ul>
            </div>
          ) : null}
        </div>
      ) : null}

      {exercises.length ? (
        <section className="review-exercises" aria-label="Exercises">
          <h3>Exercises</h3>
          <ul>
            {exercises.map((e) => (
              <li key={e.path}>
                <button type="button" className="link-button" onClick={() => openNote(e.path)}>
                  {e.title}
                </button>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </section>
  );
}
