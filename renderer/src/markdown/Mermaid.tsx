/**
 * A ```mermaid code block drawn as a diagram. mermaid is loaded on first use (dynamic import: its chunk is not part
 * of the first screen) and runs with `securityLevel: 'strict'` (labels are sanitised by mermaid's DOMPurify, no
 * click handlers, no HTML labels). The SVG string it returns is parsed with DOMParser as `image/svg+xml` (a
 * document without scripting), `<script>`/`<foreignObject>` and `on*` attributes are dropped again, and the
 * element is adopted into the view — no innerHTML. Bounded: diagrams over {@link MERMAID_MAX_CHARS} are shown as
 * code; a diagram that does not parse shows its error and the code. The mermaid theme follows the app's Theme setting
 * (`isDark`, not the system's scheme), and a diagram is drawn again when the theme changes.
 */
import { useEffect, useRef, useState } from 'react';
import { isDark, onThemeChange } from '../settings/appearance.ts';

/** Largest diagram source drawn, characters (mermaid's own `maxTextSize` default is 50,000). */
export const MERMAID_MAX_CHARS = 20_000;

type MermaidApi = typeof import('mermaid').default;
let loading: Promise<MermaidApi> | null = null;
let configuredDark: boolean | null = null;
let seq = 0;

/** mermaid, loaded once and (re)configured for the current theme (`dark` is `isDark()` at the caller's render). */
function loadMermaid(dark: boolean): Promise<MermaidApi> {
  loading ??= import('mermaid').then((m) => m.default);
  return loading.then((mermaid) => {
    if (configuredDark !== dark) {
      mermaid.initialize({
        startOnLoad: false,
        securityLevel: 'strict',
        theme: dark ? 'dark' : 'default',
        maxTextSize: MERMAID_MAX_CHARS,
        htmlLabels: false,
        flowchart: { htmlLabels: false },
      });
      configuredDark = dark;
    }
    return mermaid;
  });
}

/** Parses mermaid's SVG output without running anything in it, and strips what has no place in a diagram. */
function toSvgElement(svg: string): SVGSVGElement | null {
  const doc = new DOMParser().parseFromString(svg, 'image/svg+xml');
  const root = doc.documentElement;
  if (!(root instanceof SVGSVGElement) || doc.querySelector('parsererror')) return null;
  for (const bad of root.querySelectorAll('script, foreignObject, iframe, object, embed')) bad.remove();
  for (const el of [root, ...root.querySelectorAll('*')]) {
    for (const a of [...el.attributes]) {
      if (/^on/i.test(a.name) || (/href$/i.test(a.name) && /^\s*javascript:/i.test(a.value)))
        el.removeAttribute(a.name);
    }
  }
  return document.importNode(root, true);
}

export function Mermaid({ code }: { code: string }) {
  const box = useRef<HTMLDivElement>(null);
  const [error, setError] = useState<string | null>(
    code.length > MERMAID_MAX_CHARS ? `Diagram over ${MERMAID_MAX_CHARS} characters: shown as code.` : null,
  );
  const [drawn, setDrawn] = useState(false);
  const [dark, setDark] = useState(isDark);
  useEffect(() => onThemeChange(() => setDark(isDark())), []);

  useEffect(() => {
    if (code.length > MERMAID_MAX_CHARS) return;
    let live = true;
    setDrawn(false);
    loadMermaid(dark)
      .then((mermaid) => mermaid.render(`atlas-mermaid-${++seq}`, code))
      .then(({ svg }) => {
        if (!live || !box.current) return;
        const el = toSvgElement(svg);
        if (!el) throw new Error('mermaid returned no SVG');
        box.current.replaceChildren(el);
        setDrawn(true);
        setError(null);
      })
      .catch((e: unknown) => {
        if (live) setError(e instanceof Error ? e.message : String(e));
      });
    return () => {
      live = false;
    };
  }, [code, dark]);

  return (
    <div className="mermaid-diagram" data-state={error ? 'error' : drawn ? 'drawn' : 'loading'}>
      <div ref={box} className="mermaid-svg" role="img" aria-label="Mermaid diagram" />
      {error ? <p className="mermaid-error">{error}</p> : null}
      {error || !drawn ? (
        <pre className="mermaid-source">
          <code>{code}</code>
        </pre>
      ) : null}
    </div>
  );
}
