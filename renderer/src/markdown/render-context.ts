/**
 * What rendered markdown needs to know about where it is (shared by Markdown.tsx, Embed.tsx and HoverPreview.tsx):
 * the note the text belongs to, the embed depth and chain, how links are followed, and the component that renders
 * a markdown text (so an embed can render its content without importing the renderer back).
 */
import { createContext, type ComponentType } from 'react';
import type { OpenOptions } from '../commands/context.ts';

/** Deepest embed shown (Obsidian-like): an embed inside an embed inside an embed; deeper ones show a notice. */
export const MAX_EMBED_DEPTH = 3;

export interface RenderContextValue {
  /** Vault path of the note the text belongs to (links resolve relative to it). */
  path: string;
  /** 0 for the note itself; n inside n levels of embeds. */
  depth: number;
  /** `path#heading#block` of every embed from the root down to here, for loop detection. */
  chain: readonly string[];
  /** Opens (or creates) the target of a wiki link written in `fromPath`. */
  followLink(fromPath: string, target: string, opts?: OpenOptions): void;
  /** Off inside the hover preview (no preview of a preview). */
  previews: boolean;
  /** Renders a markdown text (MarkdownBody); set by Markdown.tsx. */
  Body: ComponentType<{ text: string; lineOffset?: number }>;
  /**
   * Ticks or unticks the task starting on this 1-based file line of the note itself (Reading view); absent where a
   * task cannot be edited (embeds, previews): its checkbox is then read-only.
   */
  toggleTask?(line: number): void;
}

export const RenderContext = createContext<RenderContextValue>({
  path: '',
  depth: 0,
  chain: [],
  followLink: () => {},
  previews: false,
  Body: () => null,
});

/**
 * The `href` of an in-app link to a wiki-link target (clicks are handled, never navigated): a fragment naming the
 * target, like Obsidian's `data-href`, so the link is a real link for assistive technology and "copy link" alike.
 */
export function internalHref(target: string): string {
  return `#${encodeURIComponent(target)}`;
}

/** The embed-chain key of a note, heading or block. */
export function chainKey(path: string, heading: string | null, block: string | null): string {
  return `${path}#${heading ?? ''}#${block ?? ''}`;
}
