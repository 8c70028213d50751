/**
 * Loads every registered view of the workspace (main-area tabs and right-sidebar panes). One import line per view
 * module; each calls `registerView` (see ./views.ts).
 */
import '../graph/register.tsx';
export { registerView, useViews, viewKind } from './views.ts';
export type { ViewKind, ViewProps } from './views.ts';
import '../review/index.tsx';
import '../health/register.tsx';
