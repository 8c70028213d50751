/**
 * The Properties pane (region "Properties"), as Obsidian's: the current note's frontmatter as typed fields (text,
 * list, number, checkbox, date, link), editable; properties added and removed; link values clickable, with `[[`
 * completion of note titles (a datalist). Edits go through the editor as one undoable change of exactly the entry's
 * text (properties/frontmatter-edit.ts), then autosave; malformed YAML is shown as it is and never rewritten.
 */
import { useEffect, useEffectEvent, useId, useMemo, useRef, useState } from 'react';
import { splitWiki, wikiInner } from '../../../electron/core/markdown/index.ts';
import { onDocChanged } from '../workspace/doc-events.ts';
import type { TagInfo } from '../../../electron/shared/api.ts';
import { api } from '../client.ts';
import { useApiQuery } from '../backend/query.ts';
import {
  readProperties,
  removeProperty,
  setProperty,
  typeOf,
  type Property,
  type ReadResult,
  type TextChange,
} from '../properties/frontmatter-edit.ts';
import { listToText, textToList } from '../properties/list-text.ts';

export interface PropertiesPaneProps {
  path: string | null;
  /** The live text of the note (null while it is not loaded in the editor). */
  textOf(path: string): string | null;
  /** Applies a change to the note's live text; false if the note is not open. */
  change(path: string, c: TextChange): boolean;
  /** Note titles for `[[` completion. */
  titles: string[];
  onFollowLink(fromPath: string, target: string): void;
}

function LinkValue(props: { value: string; from: string; onFollow(from: string, target: string): void }) {
  const parts = splitWiki(wikiInner(props.value));
  if (!parts?.target) return <span>{props.value}</span>;
  return (
    <button
      type="button"
      className="property-link"
      onClick={() => props.onFollow(props.from, parts.target)}
      title={`Open ${parts.target}`}
    >
      {parts.alias ?? parts.target}
    </button>
  );
}

/** Keys whose values are tags (suggested from the vault's tags) or aliases (nothing to suggest), as in Obsidian. */
const TAG_KEYS = new Set(['tags', 'tag']);
const PLAIN_KEYS = new Set(['aliases', 'alias', 'cssclasses', 'cssclass']);

/** The datalist a property's field suggests from: the vault's tags, note links, or none. */
function suggestionsFor(p: Property, ids: { links: string; tags: string }): string | undefined {
  const key = p.key.toLowerCase();
  if (TAG_KEYS.has(key)) return ids.tags;
  if (PLAIN_KEYS.has(key)) return undefined;
  return p.type === 'link' || p.type === 'list' ? ids.links : undefined;
}

/** A field's text: a list as one line whose items read back as they are (list-text.ts), null as empty. */
function fieldText(value: unknown): string {
  return Array.isArray(value) ? listToText(value) : value == null ? '' : String(value);
}

function Field(props: { p: Property; listId: string | undefined; onCommit(v: unknown): void; onFocus?(): void }) {
  const { p } = props;
  const shown = fieldText(p.value);
  const [draft, setDraft] = useState<string>(shown);
  useEffect(() => setDraft(shown), [shown]);
  const commit = () => {
    // a field left as it was shown writes nothing (its value may not be spelled as the text shows it: `empty:`)
    if (draft === shown) return;
    let v: unknown = draft;
    if (p.type === 'number') {
      const n = Number(draft);
      if (draft.trim() === '' || Number.isNaN(n)) return;
      v = n;
    } else if (p.type === 'list') v = textToList(draft, Array.isArray(p.value) ? p.value : []);
    if (JSON.stringify(v) !== JSON.stringify(p.value)) props.onCommit(v);
  };
  if (p.type === 'checkbox') {
    return (
      <input
        type="checkbox"
        aria-label={p.key}
        checked={p.value === true}
        onChange={(e) => props.onCommit(e.target.checked)}
      />
    );
  }
  return (
    <input
      aria-label={p.key}
      type={
        p.type === 'number'
          ? 'number'
          : p.type === 'date' && /^\d{4}-\d{2}-\d{2}$/.test(String(p.value))
            ? 'date'
            : p.type === 'date' && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2})?$/.test(String(p.value))
              ? 'datetime-local'
              : 'text'
      }
      list={props.listId}
      onFocus={props.onFocus}
      value={draft}
      onChange={(e) => setDraft(e.target.value)}
      onBlur={commit}
      onKeyDown={(e) => {
        if (e.key === 'Enter') {
          e.preventDefault();
          commit();
        }
      }}
    />
  );
}

export function PropertiesPane(props: PropertiesPaneProps) {
  const { path } = props;
  const [read, setRead] = useState<ReadResult>({ status: 'none' });
  const [tick, setTick] = useState(0);
  const [newKey, setNewKey] = useState('');
  const [adding, setAdding] = useState(false);
  const listId = useId();
  const tagListId = useId();
  // the vault's tags are fetched once a tag field is focused (not at start-up: the Tags pane asks for them already)
  const [wantTags, setWantTags] = useState(false);
  const tagTree = useApiQuery(path && wantTags ? ['tags'] : null, () => api.tags(), { keepPrevious: true });

  useEffect(
    () =>
      onDocChanged((p) => {
        if (p === path) setTick((n) => n + 1);
      }),
    [path],
  );
  // The properties are read again when the note or its text changes (`tick`, bumped by the effects below).
  const readNow = useEffectEvent((p: string | null, _tick: number) => {
    const text = p ? props.textOf(p) : null;
    setRead(text === null ? { status: 'none' } : readProperties(text));
  });
  useEffect(() => readNow(path, tick), [path, tick]);
  // The editor loads the note after the tab shows: look again shortly when nothing was there yet.
  const waitForText = useEffectEvent((p: string | null, _tick: number) => {
    if (!p || props.textOf(p) !== null) return;
    const t = setInterval(() => {
      if (props.textOf(p) !== null) {
        setTick((n) => n + 1);
        clearInterval(t);
      }
    }, 100);
    return () => clearInterval(t);
  });
  useEffect(() => waitForText(path, tick), [path, tick]);
  // "Add property" opens a name field with the focus in it.
  const newKeyInput = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (adding) newKeyInput.current?.focus();
  }, [adding]);

  function apply(make: (text: string) => TextChange | null) {
    if (!path) return;
    const text = props.textOf(path);
    if (text === null) return;
    const c = make(text);
    if (c && props.change(path, c)) setTick((n) => n + 1);
  }

  // The same element while the titles are the same: re-reading the properties as the note is typed in (each pause)
  // does not re-render up to 5,000 options (#12, typing in a long note).
  const titleList = useMemo(
    () => (
      <datalist id={listId}>
        {props.titles.slice(0, 5000).map((t) => (
          <option key={t} value={`[[${t}]]`} />
        ))}
      </datalist>
    ),
    [listId, props.titles],
  );
  const tagList = useMemo(() => {
    const out: string[] = [];
    const walk = (list: readonly TagInfo[]) => {
      for (const t of list) {
        if (out.length >= 5000) return;
        out.push(t.tag);
        walk(t.children);
      }
    };
    walk(tagTree.data ?? []);
    return (
      <datalist id={tagListId}>
        {out.map((t) => (
          <option key={t} value={t} />
        ))}
      </datalist>
    );
  }, [tagListId, tagTree.data]);

  if (!path) return null;
  return (
    <section aria-label="Properties" className="pane properties-pane">
      <h2>Properties</h2>
      {titleList}
      {tagList}
      {read.status === 'error' ? (
        <div role="alert" className="properties-error">
          <p>Malformed YAML (left as written): {read.message}</p>
          <pre className="disk-preview">{read.yaml}</pre>
        </div>
      ) : null}
      {read.status === 'ok' && read.properties.length ? (
        <ul className="property-list">
          {read.properties.map((p) => (
            <li key={p.key} className="property-row" data-type={p.type}>
              <span className="property-key" title={`${p.key} (${p.type})`}>
                {p.key}
              </span>
              <Field
                p={p}
                listId={suggestionsFor(p, { links: listId, tags: tagListId })}
                onFocus={TAG_KEYS.has(p.key.toLowerCase()) ? () => setWantTags(true) : undefined}
                onCommit={(v) => apply((t) => setProperty(t, p.key, v))}
              />
              <button
                type="button"
                className="small"
                aria-label={`Remove ${p.key}`}
                onClick={() => apply((t) => removeProperty(t, p.key))}
              >
                ×
              </button>
              {p.type === 'link' ? (
                <LinkValue value={String(p.value)} from={path} onFollow={props.onFollowLink} />
              ) : null}
              {p.type === 'list' && Array.isArray(p.value) && p.value.some((v) => typeOf(v) === 'link') ? (
                <span className="property-links">
                  {p.value
                    .filter((v) => typeOf(v) === 'link')
                    .map((v) => (
                      <LinkValue key={String(v)} value={String(v)} from={path} onFollow={props.onFollowLink} />
                    ))}
                </span>
              ) : null}
            </li>
          ))}
        </ul>
      ) : read.status !== 'error' ? (
        <p className="muted">No properties.</p>
      ) : null}
      {read.status !== 'error' ? (
        adding ? (
          <form
            className="property-add"
            onSubmit={(e) => {
              e.preventDefault();
              const k = newKey.trim();
              if (!k) return;
              apply((t) => setProperty(t, k, ''));
              setNewKey('');
              setAdding(false);
            }}
          >
            <input
              aria-label="Property name"
              ref={newKeyInput}
              value={newKey}
              onChange={(e) => setNewKey(e.target.value)}
              onKeyDown={(e) => {
                if (e.key === 'Escape') setAdding(false);
              }}
            />
            <button type="submit">Add</button>
          </form>
        ) : (
          <button type="button" className="small" onClick={() => setAdding(true)}>
            Add property
          </button>
        )
      ) : null}
    </section>
  );
}
