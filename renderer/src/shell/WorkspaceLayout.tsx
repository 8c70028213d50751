/**
 * The resizable frame (react-resizable-panels, sizes remembered in localStorage): left sidebar | main area | right
 * sidebar, the sidebars collapsible; the main area holds one pane or two side by side (Split right).
 */
import type { ReactNode, RefObject } from 'react';
import { Group, Panel, type PanelImperativeHandle, Separator, useDefaultLayout } from 'react-resizable-panels';

export interface Collapsed {
  left: boolean;
  right: boolean;
}

export interface WorkspaceLayoutProps {
  leftPanel: RefObject<PanelImperativeHandle | null>;
  rightPanel: RefObject<PanelImperativeHandle | null>;
  onCollapsed(side: keyof Collapsed, collapsed: boolean): void;
  left: ReactNode;
  right: ReactNode;
  /** The main area's panes (one, or two when split). */
  panes: ReactNode[];
}

export function WorkspaceLayout({ leftPanel, rightPanel, onCollapsed, left, right, panes }: WorkspaceLayoutProps) {
  const layout = useDefaultLayout({ id: 'atlas-layout', storage: localStorage });
  return (
    <Group
      id="atlas-layout"
      className="workspace"
      orientation="horizontal"
      defaultLayout={layout.defaultLayout}
      onLayoutChanged={layout.onLayoutChanged}
    >
      <Panel
        id="left"
        panelRef={leftPanel}
        collapsible
        collapsedSize={0}
        minSize={170}
        defaultSize={250}
        groupResizeBehavior="preserve-pixel-size"
        onResize={(sz) => onCollapsed('left', sz.inPixels < 1)}
      >
        {left}
      </Panel>
      <Separator className="resize-handle" aria-label="Resize left sidebar" />
      <Panel id="centre" minSize={280}>
        <main className="centre">{panes.length > 1 ? <SplitPanes panes={panes} /> : panes[0]}</main>
      </Panel>
      <Separator className="resize-handle" aria-label="Resize right sidebar" />
      <Panel
        id="right"
        panelRef={rightPanel}
        collapsible
        collapsedSize={0}
        minSize={200}
        defaultSize={280}
        groupResizeBehavior="preserve-pixel-size"
        onResize={(sz) => onCollapsed('right', sz.inPixels < 1)}
      >
        {right}
      </Panel>
    </Group>
  );
}

function SplitPanes({ panes }: { panes: ReactNode[] }) {
  const layout = useDefaultLayout({ id: 'atlas-panes', storage: localStorage });
  return (
    <Group
      id="atlas-panes"
      orientation="horizontal"
      defaultLayout={layout.defaultLayout}
      onLayoutChanged={layout.onLayoutChanged}
    >
      <Panel id="pane-0" minSize={200}>
        {panes[0]}
      </Panel>
      <Separator className="resize-handle" aria-label="Resize split" />
      <Panel id="pane-1" minSize={200}>
        {panes[1]}
      </Panel>
    </Group>
  );
}
