/**
 * Tab ids of view tabs (a registered view such as the graph or Review, workspace/views.ts, shown as a main-area tab):
 * NUL + `view:<kind>`. NUL cannot occur in a vault path, so a tab id is either a note path or a view tab.
 */
export const VIEW_TAB = '\u0000view:';

export const isViewTab = (id: string | null): id is string => !!id && id.startsWith(VIEW_TAB);

/** The view kind of a view tab id (`graph` for NUL + `view:graph`). */
export const viewKindOf = (id: string): string => id.slice(VIEW_TAB.length);
