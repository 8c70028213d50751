/**
 * The right sidebar: the registered sidebar views (workspace/views.ts, e.g. the local graph), then the panes that
 * follow the active note (properties, outline, backlinks, outgoing links, unlinked mentions) and the learning panel.
 */
import type { LearningPlan } from '../../../electron/shared/api.ts';
import type { AppContext, OpenOptions } from '../commands/context.ts';
import type { EditorHandle } from '../components/Editor.tsx';
import { BacklinksPane } from '../components/BacklinksPane.tsx';
import { MentionsPane } from '../components/MentionsPane.tsx';
import { OutgoingPane } from '../components/OutgoingPane.tsx';
import { OutlinePane } from '../components/OutlinePane.tsx';
import { PropertiesPane } from '../components/PropertiesPane.tsx';
import { LearningPanel } from '../learning/LearningPanel.tsx';
import { useViews } from '../workspace/views.ts';
import { isNotePath } from '../paths.ts';

export interface RightSidebarProps {
  hidden: boolean;
  app: AppContext;
  activeNote: string | null;
  /** The editor of the focused pane (the properties pane edits the note's live text through it). */
  activeEditor(): EditorHandle | null;
  noteTitles: string[];
  openNote(path: string, opts?: OpenOptions | number): void;
  followLink(fromPath: string, target: string): void;
  showError(e: unknown): void;
  onPlanChange(plan: LearningPlan | null): void;
}

export function RightSidebar(p: RightSidebarProps) {
  const views = useViews().filter((v) => v.area === 'right');
  const { activeNote, openNote } = p;
  // an attachment's tab has backlinks but no properties or headings
  const activeText = activeNote && isNotePath(activeNote) ? activeNote : null;
  return (
    <aside className="sidebar right" aria-label="Right sidebar" hidden={p.hidden}>
      {views.map((v) => (
        <section key={v.kind} aria-label={v.title} className="pane sidebar-view">
          {v.render({ app: p.app, currentPath: activeNote, visible: !p.hidden })}
        </section>
      ))}
      <PropertiesPane
        path={activeText}
        textOf={(path) => p.activeEditor()?.textOf(path) ?? null}
        change={(path, c) => p.activeEditor()?.change(path, c) ?? false}
        titles={p.noteTitles}
        onFollowLink={(from, t) => p.followLink(from, t)}
      />
      <OutlinePane path={activeText} onOpen={(path, line) => openNote(path, { line })} />
      <BacklinksPane path={activeNote} onOpen={openNote} />
      <OutgoingPane path={activeNote} onOpen={openNote} onCreate={(from, t) => p.followLink(from, t)} />
      <MentionsPane path={activeNote} onOpen={openNote} onError={p.showError} />
      <LearningPanel currentPath={activeNote} onOpenNote={(path) => openNote(path)} onPlanChange={p.onPlanChange} />
    </aside>
  );
}
