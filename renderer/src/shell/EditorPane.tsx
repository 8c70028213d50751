/**
 * One pane of the main area: its tabs in an `Editor` (notes and view tabs). Focus or a click inside makes it the
 * focused pane; only the focused pane receives scroll requests.
 */
import type { RefObject } from 'react';
import type { OpenOptions } from '../commands/context.ts';
import { Editor, type EditorHandle, type EditorProps } from '../components/Editor.tsx';
import { useLastChange } from '../backend/vault-events.ts';
import * as W from '../workspace/tabs.ts';
import type { WorkspaceState } from './workspace-state.ts';

export interface EditorPaneProps {
  index: number;
  workspace: WorkspaceState;
  editorRef: RefObject<EditorHandle | null>;
  titles: EditorProps['titles'];
  viewTab: EditorProps['viewTab'];
  /** What the pane shows with no tab open (the welcome screen). */
  empty?: EditorProps['empty'];
  followLink(fromPath: string, target: string, opts?: OpenOptions): void;
  showError(e: unknown): void;
}

export function EditorPane({
  index,
  workspace,
  editorRef,
  titles,
  viewTab,
  empty,
  followLink,
  showError,
}: EditorPaneProps) {
  const { ws, setWs } = workspace;
  const change = useLastChange();
  const pane = ws.panes[index];
  const act = W.activeTab(pane);
  const focus = () => setWs((w) => W.focusPane(w, index));
  return (
    <div
      className={`editor-pane${ws.panes.length > 1 && index === ws.activePane ? ' focused' : ''}`}
      onFocusCapture={focus}
      onMouseDownCapture={focus}
    >
      <Editor
        ref={editorRef}
        pane={index}
        tabs={pane.tabs.map(W.current)}
        active={act ? W.current(act) : null}
        reveal={index === ws.activePane ? workspace.reveal : null}
        change={change}
        titles={titles}
        onActivate={(path) => {
          const k = pane.tabs.find((t) => W.current(t) === path)?.key;
          if (k !== undefined) setWs((w) => W.activate(w, k));
        }}
        onClose={(path) => void workspace.closeTab(path, index)}
        onFollowLink={followLink}
        onError={showError}
        viewTab={viewTab}
        empty={empty}
      />
    </div>
  );
}
