import type { NextUp } from '../../../electron/shared/api.ts';

/** "Next up": notes whose prerequisites are all learned; each button opens the note. */
export function NextUpList(props: { items: NextUp[] | null; onOpen(path: string): void }) {
  return (
    <section aria-label="Next up" className="learning-next">
      <h3 className="learning-heading">Next up</h3>
      {props.items && props.items.length === 0 ? <p className="learning-empty">Nothing is ready to learn.</p> : null}
      <ul className="learning-list">
        {(props.items ?? []).map((n) => (
          <li key={n.path}>
            <button type="button" className="learning-item" title={n.path} onClick={() => props.onOpen(n.path)}>
              <span className="learning-item-title">{n.title}</span>{' '}
              {n.unlocks > 0 ? <span className="learning-meta">unlocks {n.unlocks}</span> : null}
              {n.restudy ? (
                <span className="learning-badge learning-review" title="Its flashcards are failing">
                  re-study
                </span>
              ) : null}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
