import { useState } from 'react';
import type { TagInfo } from '../../../electron/shared/api.ts';

/** The vault's tags as a tree (`lang/go` under `lang`) with note counts; clicking one searches and filters by it. */
export function TagsPane(props: { tags: TagInfo[]; onTag(tag: string): void }) {
  return (
    <section aria-label="Tags" className="pane tags-pane">
      <h2>Tags</h2>
      {props.tags.length === 0 ? <p className="muted">No tags.</p> : null}
      <TagList tags={props.tags} onTag={props.onTag} depth={0} />
    </section>
  );
}

function TagList(props: { tags: TagInfo[]; onTag(tag: string): void; depth: number }) {
  return (
    <ul className="tag-list" role={props.depth === 0 ? undefined : 'group'}>
      {props.tags.map((t) => (
        <TagItem key={t.tag} tag={t} onTag={props.onTag} depth={props.depth} />
      ))}
    </ul>
  );
}

function TagItem(props: { tag: TagInfo; onTag(tag: string): void; depth: number }) {
  const [open, setOpen] = useState(false);
  const t = props.tag;
  const name = t.tag.split('/').pop();
  return (
    <li>
      {t.children.length > 0 ? (
        <button
          type="button"
          className="twisty"
          aria-label={`${open ? 'Collapse' : 'Expand'} ${t.tag}`}
          aria-expanded={open}
          onClick={() => setOpen(!open)}
        >
          {open ? '▾' : '▸'}
        </button>
      ) : (
        <span className="twisty" />
      )}
      <button type="button" className="tag" onClick={() => props.onTag(t.tag)} title={`#${t.tag}`}>
        #{name} <span className="count">{t.count}</span>
      </button>
      {open && t.children.length > 0 ? <TagList tags={t.children} onTag={props.onTag} depth={props.depth + 1} /> : null}
    </li>
  );
}
