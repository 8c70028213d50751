/**
 * Embeds in the reading view, as Obsidian draws them:
 * - `![[note]]`, `![[note#heading]]` (that section), `![[note#^block]]` (that block): the content rendered inline in
 *   a frame titled with a link to the source (opening it at the embedded line). Nested embeds are drawn to
 *   {@link MAX_EMBED_DEPTH} levels; an embed of a note, section or block already being embedded above it (a loop)
 *   shows a notice instead, so nothing recurses forever.
 * - `![[x.png]]`, `![[x.png|100]]` (width), `![[x.png|100x50]]` (width × height), `![alt](x.png)`, `.svg`: images
 *   from the vault (client.vaultFileUrl: the host's token-checked route or Electron's `atlas-vault:` scheme);
 *   audio and video files as players; PDF as a link that opens it. Remote images (`https://…`) are not loaded (the
 *   CSP allows only the app's own origin): their alt text links to them.
 * Content comes from `api.embed` (resolved like a wiki link, cut by electron/core/query/excerpt.ts) and is rendered by
 * the same sanitising pipeline as the note itself, so a hostile note stays sanitised inside an embed.
 */
import { useContext, type MouseEvent, type ReactNode } from 'react';
import { useApiQuery } from '../backend/query.ts';
import type { EmbedContent } from '../../../electron/shared/api.ts';
import { wikiData } from '../../../electron/core/markdown/index.ts';
import { api, vaultFileUrl } from '../client.ts';
import { appContext } from '../commands/registry.ts';
import { baseName, extOf, titleOf } from '../paths.ts';
import { chainKey, internalHref, MAX_EMBED_DEPTH, RenderContext } from './render-context.ts';

const IMAGE = new Set(['.png', '.jpg', '.jpeg', '.gif', '.bmp', '.svg', '.webp', '.avif', '.ico']);
const AUDIO = new Set(['.mp3', '.wav', '.m4a', '.ogg', '.oga', '.flac', '.3gp']);
const VIDEO = new Set(['.mp4', '.webm', '.ogv', '.mov', '.mkv', '.m4v']);

/**
 * The embed answer for a target (`null` target: nothing to load), or an error message; null while loading. Fetched
 * through the query cache (backend/query.ts), so again for every index version; the previous answer stays shown
 * until the new one arrives (no flicker on every vault change).
 */
function useEmbed(
  fromPath: string,
  target: string | null,
  heading: string | null,
  block: string | null,
): EmbedContent | { error: string } | null {
  const { data, error } = useApiQuery(target === null ? null : ['embed', fromPath, target, heading, block], () =>
    api.embed(fromPath, target ?? '', heading, block),
  );
  if (error) return { error: error.message };
  return data;
}

function Notice({ children, kind }: { children: ReactNode; kind: string }) {
  return (
    <div className={`embed-notice embed-${kind}`} role="note">
      {children}
    </div>
  );
}

/** An attachment file of the vault drawn by its type. */
export function Attachment({
  path,
  size,
  alt,
}: {
  path: string;
  size?: { width: number; height?: number } | null;
  alt?: string;
}) {
  const ext = extOf(path).toLowerCase();
  const url = vaultFileUrl(path);
  if (IMAGE.has(ext)) {
    return (
      <img
        className="embed-image"
        src={url}
        alt={alt ?? baseName(path)}
        width={size?.width}
        height={size?.height}
        loading="lazy"
        data-path={path}
      />
    );
  }
  if (AUDIO.has(ext))
    return (
      // biome-ignore lint/a11y/useMediaCaption: vault audio comes without caption files (Obsidian shows the bare player)
      <audio
        className="embed-audio"
        controls
        preload="metadata"
        src={url}
        aria-label={baseName(path)}
        data-path={path}
      />
    );
  if (VIDEO.has(ext))
    return (
      // biome-ignore lint/a11y/useMediaCaption: vault videos come without caption files (Obsidian shows the bare player)
      <video
        className="embed-video"
        controls
        preload="metadata"
        src={url}
        aria-label={baseName(path)}
        data-path={path}
      />
    );
  return (
    <a
      className={`embed-file${ext === '.pdf' ? ' embed-pdf' : ''}`}
      href={url}
      target="_blank"
      rel="noopener noreferrer"
      data-path={path}
    >
      {ext === '.pdf' ? 'PDF: ' : 'File: '}
      {baseName(path)}
    </a>
  );
}

/** `![[…]]` written in the note of the surrounding {@link RenderContext}. */
export function Embed({ inner }: { inner: string }) {
  const ctx = useContext(RenderContext);
  const d = wikiData(inner, true);
  const target = d?.target ?? '';
  const heading = d?.heading ?? null;
  const block = d?.block ?? null;
  const res = useEmbed(ctx.path, target, heading, block);
  const label = d?.label ?? inner;
  if (!d) return <span className="embed-inline">{`![[${inner}]]`}</span>;
  if (!res)
    return (
      <span className="embed-loading" aria-busy="true">
        {label}
      </span>
    );
  if ('error' in res)
    return (
      <Notice kind="error">
        Cannot embed {label}: {res.error}
      </Notice>
    );
  if (res.kind === 'unresolved' || !res.path) {
    return (
      <a
        href={internalHref(target)}
        className="wikilink embed unresolved"
        title={`${target} (not created yet: click to create)`}
        onClick={(e) => {
          e.preventDefault();
          ctx.followLink(ctx.path, target);
        }}
      >
        {label}
      </a>
    );
  }
  if (res.kind === 'attachment')
    return <Attachment path={res.path} size={d.size} alt={d.size ? undefined : (d.alias ?? undefined)} />;

  const key = chainKey(res.path, heading, block);
  const open = (e: MouseEvent) => {
    e.preventDefault();
    const app = appContext();
    if (app) app.openNote(res.path!, { line: res.line });
    else ctx.followLink(ctx.path, target, { line: res.line });
  };
  const frame = (body: ReactNode) => (
    <figure className="markdown-embed" data-embed-path={res.path} aria-label={`Embedded ${label}`}>
      <figcaption className="markdown-embed-title">
        <a
          href={internalHref(res.path ?? target)}
          className="markdown-embed-link"
          title={`Open ${res.path}`}
          onClick={open}
        >
          {label}
        </a>
      </figcaption>
      <div className="markdown-embed-content">{body}</div>
    </figure>
  );
  if (ctx.chain.includes(key) || (ctx.chain.includes(chainKey(res.path, null, null)) && !heading && !block)) {
    return frame(
      <Notice kind="loop">Embed loop: {titleOf(res.path)} is already embedded above; it is not embedded again.</Notice>,
    );
  }
  if (ctx.depth >= MAX_EMBED_DEPTH) {
    return frame(
      <Notice kind="depth">
        Embeds are shown {MAX_EMBED_DEPTH} levels deep; open {label} to see it.
      </Notice>,
    );
  }
  if (res.missing) {
    return frame(
      <Notice kind="missing">
        {res.missing === 'heading' ? `Heading “${heading}”` : `Block ^${block}`} not found in {titleOf(res.path)}.
      </Notice>,
    );
  }
  return frame(
    <RenderContext.Provider value={{ ...ctx, path: res.path, depth: ctx.depth + 1, chain: [...ctx.chain, key] }}>
      <ctx.Body text={res.markdown} lineOffset={res.line - 1} />
      {res.truncated ? <Notice kind="truncated">The embedded text is cut here (too long).</Notice> : null}
    </RenderContext.Provider>,
  );
}

/** A markdown image `![alt](src)`: a vault file (resolved like a link from the note) or a remote image's alt text. */
export function VaultImage({ src, alt }: { src: string; alt: string }) {
  const ctx = useContext(RenderContext);
  const remote = /^[a-z][a-z0-9+.-]*:/i.test(src);
  let target = src;
  try {
    target = decodeURI(src);
  } catch {
    /* keep as written */
  }
  const res = useEmbed(ctx.path, remote ? null : target, null, null);
  if (remote) {
    return /^https?:/i.test(src) ? (
      <a className="image-ref" href={src} target="_blank" rel="noopener noreferrer" title={src}>
        {alt || src}
      </a>
    ) : (
      <span className="image-ref">{alt || 'image'}</span>
    );
  }
  if (!res)
    return (
      <span className="embed-loading" aria-busy="true">
        {alt}
      </span>
    );
  if ('error' in res || res.kind !== 'attachment' || !res.path) {
    return (
      <span className="image-ref unresolved" title={`${src} (not found in the vault)`}>
        {alt || src}
      </span>
    );
  }
  return <Attachment path={res.path} alt={alt} />;
}
