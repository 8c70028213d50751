/**
 * One row of the file tree (role=treeitem with aria-level/-setsize/-posinset/-expanded/-selected/-current), placed
 * by the virtualiser at `start` px. A folder accepts notes dropped on it (moved into it); a row being renamed shows
 * the in-place rename field instead of its label and cannot be dragged. Its keys are handled by the tree.
 */
import type { MouseEvent as ReactMouseEvent } from 'react';
import { RenameField } from './RenameField.tsx';
import { labelOf } from './tree-keys.ts';
import type { TreeRow as Row } from './tree-model.ts';

/** Row height, px (fixed: the virtualiser needs no measuring). */
export const ROW_HEIGHT = 24;
/** The drag data type carrying a vault path. */
export const DRAG_TYPE = 'application/x-atlas-path';

export interface TreeRowProps {
  row: Row;
  /** Index among the visible rows. */
  index: number;
  /** Offset from the top of the list, px. */
  start: number;
  /** The roving tabindex's Tab stop. */
  tabStop: boolean;
  selected: boolean;
  /** The open note. */
  current: boolean;
  /** A folder that is expanded. */
  open: boolean;
  renaming: boolean;
  /** A click (not on the rename field): select, toggle a folder or open a note (`newTab` with Ctrl/Cmd). */
  onActivate(e: ReactMouseEvent): void;
  /** A middle click on a file: open it in a new tab. */
  onOpenNewTab(): void;
  /** A path dropped on this folder row. */
  onDropPath(from: string): void;
  onCommitRename(value: string): Promise<boolean>;
  onCancelRename(): void;
}

export function TreeRow(props: TreeRowProps) {
  const { row, index } = props;
  const { node } = row;
  const isFolder = node.kind === 'folder';
  return (
    // biome-ignore lint/a11y/useKeyWithClickEvents: the keys of all rows are handled once, by the tree (onKeyDown on role=tree, WAI-ARIA's tree pattern)
    <div
      role="treeitem"
      data-index={index}
      data-path={node.path}
      tabIndex={props.tabStop ? 0 : -1}
      aria-level={row.level}
      aria-setsize={row.setSize}
      aria-posinset={row.posInSet}
      aria-expanded={isFolder ? props.open : undefined}
      aria-selected={props.selected}
      aria-current={props.current ? 'page' : undefined}
      title={node.path}
      className={`tree-item ${node.kind}${props.selected ? ' selected' : ''}${props.current ? ' current' : ''}`}
      style={{
        transform: `translateY(${props.start}px)`,
        height: ROW_HEIGHT,
        paddingLeft: (row.level - 1) * 14 + 4,
      }}
      draggable={!props.renaming}
      onDragStart={(e) => e.dataTransfer.setData(DRAG_TYPE, node.path)}
      onDragOver={(e) => {
        if (isFolder && e.dataTransfer.types.includes(DRAG_TYPE)) e.preventDefault();
      }}
      onDrop={(e) => {
        if (!isFolder) return;
        e.preventDefault();
        e.stopPropagation();
        props.onDropPath(e.dataTransfer.getData(DRAG_TYPE));
      }}
      onClick={(e) => {
        if (!props.renaming) props.onActivate(e);
      }}
      onAuxClick={(e) => {
        if (e.button === 1 && !isFolder) props.onOpenNewTab();
      }}
    >
      <span aria-hidden="true" className="twisty">
        {isFolder ? (props.open ? '▾' : '▸') : ''}
      </span>
      {props.renaming ? (
        <RenameField initial={labelOf(node)} onCommit={props.onCommitRename} onCancel={props.onCancelRename} />
      ) : (
        <span className="tree-label">{labelOf(node)}</span>
      )}
    </div>
  );
}
