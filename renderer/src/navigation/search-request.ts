/**
 * Requests to show a query in the Search pane, from anywhere in the renderer (a tag clicked in the reading view or in
 * Live Preview opens Search with `tag:#tag`, as in Obsidian). App listens with {@link onSearchRequest}.
 */
const listeners = new Set<(query: string) => void>();

/** Asks the app to open Search with `query` (e.g. `tag:#golang`). */
export function requestSearch(query: string): void {
  for (const l of listeners) l(query);
}

/** The query Obsidian's search gets when a tag is clicked: `tag:#a/b`. */
export function tagQuery(tag: string): string {
  return `tag:#${tag}`;
}

/** Subscribes to search requests; returns the unsubscribe function. */
export function onSearchRequest(listener: (query: string) => void): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}
