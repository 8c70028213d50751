/**
 * The "Settings" dialog (Ctrl/Cmd+, and "Open settings" in the command palette), sectioned as Obsidian's: Editor,
 * Files and links, Appearance, Flashcards. Each control saves at once through `updateSettings` (stored per vault in
 * `.atlas/settings.json`, applied live); a value the service refuses is shown beside its control and not kept.
 * Problems met reading the file (a damaged file moved aside, an invalid value) are listed at the top.
 * Escape or a click outside closes it; the focus returns where it was.
 */
import { type ReactNode, useEffect, useEffectEvent, useId, useRef, useState } from 'react';
import {
  AUTOSAVE_RANGE,
  FONT_SIZE_RANGE,
  type DefaultViewSetting,
  type EditingModeSetting,
  type ThemeSetting,
  type VaultSettings,
} from '../../../electron/shared/settings.ts';
import { updateSettings, useSettings } from './store.ts';
import './settings.css';

function Row(props: { label: string; description: string; children: (id: string) => ReactNode; error?: string }) {
  const id = useId();
  return (
    <div className="setting-row">
      <div className="setting-info">
        <label htmlFor={id} className="setting-name">
          {props.label}
        </label>
        <div className="setting-description" id={`${id}-d`}>
          {props.description}
        </div>
        {props.error ? (
          <div className="setting-error" role="alert">
            {props.error}
          </div>
        ) : null}
      </div>
      <div className="setting-control">{props.children(id)}</div>
    </div>
  );
}

/** A number field that saves when it holds a whole number in range (typing `2` on the way to `20` saves nothing). */
function NumberSetting(props: {
  id: string;
  value: number;
  min: number;
  max: number;
  step?: number;
  onValid(n: number): void;
  onInvalid(message: string | null): void;
}) {
  const [draft, setDraft] = useState(String(props.value));
  const [focused, setFocused] = useState(false);
  const shown = focused ? draft : String(props.value);
  return (
    <input
      id={props.id}
      type="number"
      min={props.min}
      max={props.max}
      step={props.step ?? 1}
      value={shown}
      aria-describedby={`${props.id}-d`}
      onFocus={() => {
        setDraft(String(props.value));
        setFocused(true);
      }}
      onBlur={() => {
        setFocused(false);
        props.onInvalid(null);
      }}
      onChange={(e) => {
        setDraft(e.target.value);
        const n = Number(e.target.value);
        if (e.target.value.trim() !== '' && Number.isInteger(n) && n >= props.min && n <= props.max) {
          props.onInvalid(null);
          props.onValid(n);
        } else props.onInvalid(`A whole number from ${props.min} to ${props.max}.`);
      }}
    />
  );
}

/** A text field that saves when it is left or Enter is pressed (not on every keystroke). */
function TextSetting(props: { id: string; value: string; placeholder?: string; onCommit(text: string): void }) {
  const [draft, setDraft] = useState<string | null>(null);
  const commit = () => {
    if (draft !== null && draft !== props.value) props.onCommit(draft);
    setDraft(null);
  };
  return (
    <input
      id={props.id}
      type="text"
      value={draft ?? props.value}
      placeholder={props.placeholder}
      aria-describedby={`${props.id}-d`}
      onChange={(e) => setDraft(e.target.value)}
      onBlur={commit}
      onKeyDown={(e) => {
        if (e.key === 'Enter') commit();
      }}
    />
  );
}

/** Tags as typed: `#flashcards, #cards/go` → `['flashcards', 'cards/go']`. */
export function parseTagList(text: string): string[] {
  return text
    .split(/[\s,]+/)
    .map((t) => t.replace(/^#/, ''))
    .filter((t) => t !== '');
}

export function SettingsDialog({ onClose }: { onClose(): void }) {
  const { values, problems } = useSettings();
  const [errors, setErrors] = useState<Partial<Record<keyof VaultSettings, string>>>({});
  const [tags, setTags] = useState<string | null>(null);
  const dialog = useRef<HTMLDivElement>(null);
  const titleId = useId();

  useEffect(() => {
    const before = document.activeElement as HTMLElement | null;
    dialog.current?.querySelector<HTMLElement>('select, input, button')?.focus();
    return () => before?.focus?.();
  }, []);
  // a press outside the dialog (on the backdrop) closes it
  const close = useEffectEvent(onClose);
  useEffect(() => {
    const onDown = (e: MouseEvent) => {
      if (dialog.current && e.target instanceof Node && !dialog.current.contains(e.target)) close();
    };
    // Escape closes it wherever the focus is (a button disabled while busy drops the focus to <body>)
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape' && !e.isComposing) {
        e.preventDefault();
        close();
      }
    };
    document.addEventListener('mousedown', onDown);
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('mousedown', onDown);
      document.removeEventListener('keydown', onKey);
    };
  }, []);

  const save = (patch: Partial<VaultSettings>) => {
    const key = Object.keys(patch)[0] as keyof VaultSettings;
    updateSettings(patch).then(
      () => setErrors((e) => ({ ...e, [key]: undefined })),
      (err: unknown) => setErrors((e) => ({ ...e, [key]: err instanceof Error ? err.message : String(err) })),
    );
  };
  const invalid = (key: keyof VaultSettings) => (m: string | null) =>
    setErrors((e) => ({ ...e, [key]: m ?? undefined }));
  const commitTags = () => {
    if (tags === null) return;
    const list = parseTagList(tags);
    if (list.length === 0) setErrors((e) => ({ ...e, flashcardTags: 'At least one tag.' }));
    else save({ flashcardTags: list });
    setTags(null);
  };

  return (
    <div className="modal-backdrop">
      <div ref={dialog} role="dialog" aria-modal="true" aria-labelledby={titleId} className="modal settings-dialog">
        <header className="settings-header">
          <h2 id={titleId}>Settings</h2>
          <button type="button" className="icon" aria-label="Close settings" onClick={onClose}>
            ×
          </button>
        </header>
        <p className="muted settings-where">Stored with this vault in .atlas/settings.json.</p>
        {problems.length ? (
          <ul className="settings-problems" aria-label="Settings problems">
            {problems.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
        ) : null}

        <section aria-labelledby={`${titleId}-editor`} className="settings-section">
          <h3 id={`${titleId}-editor`}>Editor</h3>
          <Row
            label="Default view for new tabs"
            description="What a newly opened note shows: the editor or the rendered note."
          >
            {(id) => (
              <select
                id={id}
                value={values.defaultView}
                onChange={(e) => save({ defaultView: e.target.value as DefaultViewSetting })}
              >
                <option value="editing">Editing view</option>
                <option value="reading">Reading view</option>
              </select>
            )}
          </Row>
          <Row
            label="Default editing mode"
            description="How the editor shows a note: Live Preview hides formatting off the cursor line, Source mode shows the markdown as written. “Toggle Live Preview/Source mode” switches the current tab only."
          >
            {(id) => (
              <select
                id={id}
                value={values.defaultEditingMode}
                onChange={(e) => save({ defaultEditingMode: e.target.value as EditingModeSetting })}
              >
                <option value="live-preview">Live Preview</option>
                <option value="source">Source mode</option>
              </select>
            )}
          </Row>
          <Row
            label="Readable line length"
            description="Limit the width of the text, in the editor and the reading view."
          >
            {(id) => (
              <input
                id={id}
                type="checkbox"
                checked={values.readableLineWidth}
                onChange={(e) => save({ readableLineWidth: e.target.checked })}
              />
            )}
          </Row>
          <Row
            label="Strict line breaks"
            description="Markdown ignores a single line break inside a paragraph in the reading view. Turn this off to show single line breaks."
          >
            {(id) => (
              <input
                id={id}
                type="checkbox"
                checked={values.strictLineBreaks}
                onChange={(e) => save({ strictLineBreaks: e.target.checked })}
              />
            )}
          </Row>
          <Row
            label="Autosave delay (ms)"
            description={`Quiet time after the last keystroke before the note is saved (${AUTOSAVE_RANGE.min}–${AUTOSAVE_RANGE.max} ms).`}
            error={errors.autosaveDelayMs}
          >
            {(id) => (
              <NumberSetting
                id={id}
                value={values.autosaveDelayMs}
                min={AUTOSAVE_RANGE.min}
                max={AUTOSAVE_RANGE.max}
                step={100}
                onValid={(n) => save({ autosaveDelayMs: n })}
                onInvalid={invalid('autosaveDelayMs')}
              />
            )}
          </Row>
        </section>

        <section aria-labelledby={`${titleId}-links`} className="settings-section">
          <h3 id={`${titleId}-links`}>Files and links</h3>
          <Row
            label="Resolve links through aliases"
            description="A link that names no file may reach the note with that alias (an alias shared by several notes reaches none). Off: links resolve exactly as in Obsidian."
            error={errors.aliasResolution}
          >
            {(id) => (
              <input
                id={id}
                type="checkbox"
                checked={values.aliasResolution}
                onChange={(e) => save({ aliasResolution: e.target.checked })}
              />
            )}
          </Row>
          <Row
            label="Home note"
            description="The note opened when the vault opens (a path such as Home.md). Empty: a root note named Home, Index or README, else the Welcome screen."
            error={errors.homeNote}
          >
            {(id) => (
              <TextSetting
                id={id}
                value={values.homeNote}
                placeholder="Home.md"
                onCommit={(t) => save({ homeNote: t.trim() })}
              />
            )}
          </Row>
        </section>

        <section aria-labelledby={`${titleId}-appearance`} className="settings-section">
          <h3 id={`${titleId}-appearance`}>Appearance</h3>
          <Row label="Theme" description="Light, dark, or follow the system's setting.">
            {(id) => (
              <select id={id} value={values.theme} onChange={(e) => save({ theme: e.target.value as ThemeSetting })}>
                <option value="system">Adapt to system</option>
                <option value="light">Light</option>
                <option value="dark">Dark</option>
              </select>
            )}
          </Row>
          <Row
            label="Font size"
            description={`Text size of the editor and the reading view, in pixels (${FONT_SIZE_RANGE.min}–${FONT_SIZE_RANGE.max}).`}
            error={errors.fontSize}
          >
            {(id) => (
              <NumberSetting
                id={id}
                value={values.fontSize}
                min={FONT_SIZE_RANGE.min}
                max={FONT_SIZE_RANGE.max}
                onValid={(n) => save({ fontSize: n })}
                onInvalid={invalid('fontSize')}
              />
            )}
          </Row>
        </section>

        <section aria-labelledby={`${titleId}-cards`} className="settings-section">
          <h3 id={`${titleId}-cards`}>Flashcards</h3>
          <Row
            label="Flashcard tags"
            description="Notes with one of these tags (or nested under one) hold flashcards; separate tags with commas or spaces."
            error={errors.flashcardTags}
          >
            {(id) => (
              <input
                id={id}
                type="text"
                value={tags ?? values.flashcardTags.map((t) => `#${t}`).join(', ')}
                onChange={(e) => setTags(e.target.value)}
                onBlur={commitTags}
                onKeyDown={(e) => {
                  if (e.key === 'Enter') commitTags();
                }}
              />
            )}
          </Row>
        </section>
      </div>
    </div>
  );
}
