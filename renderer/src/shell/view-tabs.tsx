/** How the editor shows view tabs (workspace/views.ts): a registered view's title, and its content. */
import { useMemo, type ReactNode } from 'react';
import type { AppContext } from '../commands/context.ts';
import { viewKind } from '../workspace/views.ts';

export interface ViewTabRenderer {
  title(kind: string): string;
  render(kind: string, visible: boolean): ReactNode;
}

/** `app` without an active note: a main-area view has no "current note" of its own. */
export function useViewTabRenderer(app: Omit<AppContext, 'activePath'>): ViewTabRenderer {
  const { openNote, openView, showError } = app;
  return useMemo(
    () => ({
      title: (kind: string) => viewKind(kind)?.title ?? kind,
      render: (kind: string, visible: boolean) => {
        const v = viewKind(kind);
        const ctx: AppContext = { activePath: null, openNote, openView, showError };
        return v ? v.render({ app: ctx, currentPath: null, visible }) : <p className="empty">Unknown view {kind}.</p>;
      },
    }),
    [openNote, openView, showError],
  );
}
