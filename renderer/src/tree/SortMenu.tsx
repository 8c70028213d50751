/**
 * "Change sort order" of the file tree, as Obsidian's file explorer offers it: a menu button (Radix
 * `@radix-ui/react-dropdown-menu`: role=menu with menuitemradio entries, keyboard included) listing the orders of
 * {@link SORT_ORDERS}; the chosen one is checked.
 */
import * as Menu from '@radix-ui/react-dropdown-menu';
import { isSortOrder, SORT_ORDERS, type SortOrder } from './tree-model.ts';

export function SortMenu(props: { order: SortOrder; onChange(order: SortOrder): void }) {
  return (
    <Menu.Root>
      <Menu.Trigger asChild>
        <button type="button" aria-label="Change sort order" title="Change sort order">
          Sort
        </button>
      </Menu.Trigger>
      <Menu.Portal>
        <Menu.Content className="context-menu" aria-label="Sort order" align="start">
          <Menu.RadioGroup
            value={props.order}
            onValueChange={(v) => {
              if (isSortOrder(v)) props.onChange(v);
            }}
          >
            {SORT_ORDERS.map((s, i) => [
              i > 0 && i % 2 === 0 ? <Menu.Separator key={`${s.order}-sep`} className="context-menu-sep" /> : null,
              <Menu.RadioItem key={s.order} value={s.order} className="context-menu-item">
                <span className="context-menu-check" aria-hidden="true">
                  <Menu.ItemIndicator>✓</Menu.ItemIndicator>
                </span>
                <span>{s.label}</span>
              </Menu.RadioItem>,
            ])}
          </Menu.RadioGroup>
        </Menu.Content>
      </Menu.Portal>
    </Menu.Root>
  );
}
