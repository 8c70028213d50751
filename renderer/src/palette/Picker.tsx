/**
 * A modal picker: a text field over a list of options, as Obsidian's quick switcher and command palette. Arrow keys
 * move the selection, Enter chooses (the event's modifiers are passed on: Ctrl/Cmd+Enter, Shift+Enter), Escape or a
 * click outside closes. The dialog takes the accessible name `label`; the list is a listbox of options with
 * `aria-activedescendant`, so screen readers follow the selection while the focus stays in the field.
 *
 * `search` may answer later (a promise: the quick switcher searches in a worker): the options of the last answered
 * query stay shown meanwhile, the listbox is `aria-busy` and its `data-query` names the query its options answer;
 * Enter pressed meanwhile chooses from the answer to the query typed. With `virtual`, only the options in view are
 * rendered (@tanstack/react-virtual, rows of {@link ROW_PX}).
 */
import { useVirtualizer } from '@tanstack/react-virtual';
import {
  type KeyboardEvent,
  type ReactNode,
  useEffect,
  useEffectEvent,
  useId,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
} from 'react';

export interface PickerItem {
  key: string;
  /** Accessible name of the option. */
  label: string;
  /** What the option shows (e.g. the label with matched characters in `<mark>`). */
  content: ReactNode;
  disabled?: boolean;
}

export interface ChooseEvent {
  mod: boolean;
  shift: boolean;
  alt: boolean;
}

/** Height of one option of a virtual list, px (styles.css `.picker-list.virtual > .picker-item`). */
export const ROW_PX = 28;

export interface PickerProps<T extends PickerItem> {
  label: string;
  placeholder: string;
  /** Maximum characters of the query (bounded cost per keystroke). */
  maxLength: number;
  /**
   * The options for a query; called on every keystroke (and when its identity changes), so it must be fast or
   * answer later (a promise; null: superseded by a later query, nothing to show).
   */
  search(query: string): T[] | Promise<T[] | null>;
  /** Render only the options in view (for long lists). */
  virtual?: boolean;
  onChoose(item: T | null, query: string, how: ChooseEvent): void;
  onClose(): void;
  /** Shown under the list (keyboard hints). */
  footer?: ReactNode;
  /** Shown when nothing matches. */
  empty?: ReactNode;
}

export function Picker<T extends PickerItem>(props: PickerProps<T>) {
  const [query, setQuery] = useState('');
  const [selected, setSelected] = useState(0);
  const inputRef = useRef<HTMLInputElement>(null);
  const listRef = useRef<HTMLDivElement>(null);
  const dialogRef = useRef<HTMLDivElement>(null);
  const restore = useRef<Element | null>(null);
  const id = useId();
  const { search } = props;
  const answer = useMemo(() => search(query), [search, query]);
  const [answered, setAnswered] = useState<{ query: string; items: T[] }>({ query: '', items: [] });
  useEffect(() => {
    if (Array.isArray(answer)) return;
    let live = true;
    answer.then((found) => {
      if (live && found) setAnswered({ query, items: found });
    });
    return () => {
      live = false;
    };
  }, [answer, query]);
  const items = Array.isArray(answer) ? answer : answered.items;
  const itemsQuery = Array.isArray(answer) ? query : answered.query;
  const sel = Math.min(selected, Math.max(0, items.length - 1));
  const virtual = useVirtualizer({
    count: props.virtual ? items.length : 0,
    getScrollElement: () => listRef.current,
    estimateSize: () => ROW_PX,
    paddingStart: 4,
    paddingEnd: 4,
    overscan: 4,
  });

  useEffect(() => {
    restore.current = document.activeElement;
    inputRef.current?.focus();
    return () => {
      const el = restore.current as HTMLElement | null;
      if (el?.isConnected && typeof el.focus === 'function') el.focus();
    };
  }, []);
  // A press outside the dialog closes it.
  const close = useEffectEvent(() => props.onClose());
  useEffect(() => {
    const onDown = (e: MouseEvent) => {
      if (e.target instanceof Node && !dialogRef.current?.contains(e.target)) close();
    };
    document.addEventListener('mousedown', onDown);
    return () => document.removeEventListener('mousedown', onDown);
  }, []);
  // The selected option stays in view (also when a new query puts another one first).
  const selectedKey = items[sel]?.key;
  const keepInView = useEffectEvent(() => {
    if (selectedKey === undefined) return;
    if (props.virtual) {
      // a new query selects its first option: the list is at the top already unless it was scrolled
      if (sel > 0 || (listRef.current?.scrollTop ?? 0) > 0) virtual.scrollToIndex(sel, { align: 'auto' });
      return;
    }
    listRef.current?.querySelector(`[data-key="${CSS.escape(selectedKey)}"]`)?.scrollIntoView({ block: 'nearest' });
  });
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new selected option is why it runs
  useLayoutEffect(() => keepInView(), [selectedKey]);

  function choose(i: number, how: ChooseEvent) {
    // the options shown answer an earlier query: choose from the answer to the one typed
    if (itemsQuery !== query && !Array.isArray(answer)) {
      answer.then((found) => {
        if (found) pick(found, Math.min(i, Math.max(0, found.length - 1)), how);
      });
      return;
    }
    pick(items, i, how);
  }
  function pick(list: T[], i: number, how: ChooseEvent) {
    const item = list[i] ?? null;
    if (item?.disabled) return;
    props.onChoose(item, query, how);
  }

  /**
   * The picker's keys, on the field (where the focus stays) and on the options (a screen reader's browse mode can
   * move the focus onto one): arrows / Ctrl+N / Ctrl+P / Page keys move, Enter chooses, Escape closes.
   */
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.nativeEvent.isComposing) return;
    if (e.key === 'ArrowDown' || (e.key === 'n' && e.ctrlKey)) {
      e.preventDefault();
      setSelected((sel + 1) % Math.max(1, items.length));
    } else if (e.key === 'ArrowUp' || (e.key === 'p' && e.ctrlKey)) {
      e.preventDefault();
      setSelected((sel - 1 + items.length) % Math.max(1, items.length));
    } else if (e.key === 'PageDown') {
      e.preventDefault();
      setSelected(Math.min(items.length - 1, sel + 10));
    } else if (e.key === 'PageUp') {
      e.preventDefault();
      setSelected(Math.max(0, sel - 10));
    } else if (e.key === 'Enter') {
      e.preventDefault();
      choose(sel, { mod: e.ctrlKey || e.metaKey, shift: e.shiftKey, alt: e.altKey });
    } else if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      props.onClose();
    }
  };

  const option = (item: T, i: number, top?: number) => (
    <div
      key={item.key}
      id={`${id}-${i}`}
      data-key={item.key}
      role="option"
      tabIndex={-1}
      aria-selected={i === sel}
      aria-disabled={item.disabled || undefined}
      aria-label={item.label}
      className={`picker-item${i === sel ? ' selected' : ''}`}
      style={top === undefined ? undefined : { transform: `translateY(${top}px)` }}
      onMouseMove={() => {
        if (i !== sel) setSelected(i);
      }}
      onMouseDown={(e) => e.preventDefault()}
      onClick={(e) => choose(i, { mod: e.ctrlKey || e.metaKey, shift: e.shiftKey, alt: e.altKey })}
      onKeyDown={onKeyDown}
    >
      {item.content}
    </div>
  );

  return (
    <div className="modal-backdrop picker-backdrop">
      <div role="dialog" aria-modal="true" aria-label={props.label} className="picker" ref={dialogRef}>
        <input
          ref={inputRef}
          role="combobox"
          aria-expanded="true"
          aria-controls={`${id}-list`}
          aria-activedescendant={items[sel] ? `${id}-${sel}` : undefined}
          aria-label={props.label}
          placeholder={props.placeholder}
          maxLength={props.maxLength}
          value={query}
          onChange={(e) => {
            setQuery(e.target.value.slice(0, props.maxLength));
            setSelected(0);
          }}
          onKeyDown={onKeyDown}
        />
        <div
          role="listbox"
          id={`${id}-list`}
          aria-label={`${props.label} results`}
          className={props.virtual ? 'picker-list virtual' : 'picker-list'}
          ref={listRef}
          data-query={itemsQuery}
          aria-busy={itemsQuery !== query || undefined}
        >
          {props.virtual ? (
            <>
              <div aria-hidden="true" style={{ height: virtual.getTotalSize() }} />
              {virtual.getVirtualItems().map((v) => option(items[v.index], v.index, v.start))}
            </>
          ) : (
            items.map((item, i) => option(item, i))
          )}
          {items.length === 0 ? <div className="picker-empty muted">{props.empty ?? 'No matches.'}</div> : null}
        </div>
        {props.footer ? <div className="picker-footer muted">{props.footer}</div> : null}
      </div>
    </div>
  );
}
