/**
 * Obsidian callouts `> [!type]± Title` in the reading view: the type's icon and colour (Obsidian's built-in types and
 * their aliases, with the same Lucide icons Obsidian uses), the title, and folding: `[!type]-` starts folded,
 * `[!type]+` starts open, both toggle on a click (or Enter/Space) on the title; without a sign it does not fold.
 * Unknown types look like `note`, as in Obsidian. The grammar (electron/core/markdown) parses the callout; this
 * component only draws the `div.callout[data-callout][data-callout-fold]` it produces.
 */
import {
  Children,
  isValidElement,
  useState,
  type CSSProperties,
  type KeyboardEvent,
  type ReactElement,
  type ReactNode,
} from 'react';
import {
  Bug,
  Check,
  ChevronRight,
  CircleCheck,
  CircleQuestionMark,
  ClipboardList,
  Flame,
  Info,
  List,
  Pencil,
  Quote,
  TriangleExclamationPoint,
  X,
  Zap,
  type LucideIcon,
} from 'lucide-react';

interface CalloutStyle {
  icon: LucideIcon /** `r, g, b` as in Obsidian's `--callout-color` */;
  color: string;
}

const BLUE = '8, 109, 221';
const CYAN = '0, 191, 188';
const GREEN = '8, 185, 78';
const ORANGE = '236, 117, 0';
const RED = '233, 49, 71';
const PURPLE = '120, 82, 238';
const GREY = '158, 158, 158';

/** Obsidian's built-in callout types (help: Callouts › Supported types), aliases included. */
export const CALLOUT_TYPES: Readonly<Record<string, CalloutStyle>> = {
  note: { icon: Pencil, color: BLUE },
  abstract: { icon: ClipboardList, color: CYAN },
  summary: { icon: ClipboardList, color: CYAN },
  tldr: { icon: ClipboardList, color: CYAN },
  info: { icon: Info, color: BLUE },
  todo: { icon: CircleCheck, color: BLUE },
  tip: { icon: Flame, color: CYAN },
  hint: { icon: Flame, color: CYAN },
  important: { icon: Flame, color: CYAN },
  success: { icon: Check, color: GREEN },
  check: { icon: Check, color: GREEN },
  done: { icon: Check, color: GREEN },
  question: { icon: CircleQuestionMark, color: ORANGE },
  help: { icon: CircleQuestionMark, color: ORANGE },
  faq: { icon: CircleQuestionMark, color: ORANGE },
  warning: { icon: TriangleExclamationPoint, color: ORANGE },
  caution: { icon: TriangleExclamationPoint, color: ORANGE },
  attention: { icon: TriangleExclamationPoint, color: ORANGE },
  failure: { icon: X, color: RED },
  fail: { icon: X, color: RED },
  missing: { icon: X, color: RED },
  danger: { icon: Zap, color: RED },
  error: { icon: Zap, color: RED },
  bug: { icon: Bug, color: RED },
  example: { icon: List, color: PURPLE },
  quote: { icon: Quote, color: GREY },
  cite: { icon: Quote, color: GREY },
};

export function calloutStyle(type: string): CalloutStyle {
  return CALLOUT_TYPES[type.toLowerCase()] ?? CALLOUT_TYPES.note;
}

function hasClass(el: ReactElement, name: string): boolean {
  const c = (el.props as { className?: unknown }).className;
  return typeof c === 'string' && c.split(/\s+/).includes(name);
}

export interface CalloutProps {
  type: string;
  fold: 'open' | 'closed' | null;
  /** The rendered children of the callout div: the `div.callout-title`, then the body blocks. */
  children?: ReactNode;
  dataLine?: number | string;
  blockId?: string;
}

export function Callout({ type, fold, children, dataLine, blockId }: CalloutProps) {
  const [open, setOpen] = useState(fold !== 'closed');
  const kids = Children.toArray(children).filter((c) => !(typeof c === 'string' && c.trim() === ''));
  const titleEl = kids.find((c): c is ReactElement => isValidElement(c) && hasClass(c, 'callout-title'));
  const body = kids.filter((c) => c !== titleEl);
  const { icon: Icon, color } = calloutStyle(type);
  const foldable = fold !== null;
  const toggle = () => {
    if (foldable) setOpen((o) => !o);
  };
  return (
    <div
      className={`callout${foldable ? ' is-collapsible' : ''}${open ? '' : ' is-collapsed'}`}
      data-callout={type}
      data-callout-fold={fold ?? undefined}
      data-line={dataLine}
      data-block-id={blockId}
      style={{ '--callout-color': color } as CSSProperties}
    >
      <div
        className="callout-title"
        {...(foldable
          ? {
              role: 'button',
              tabIndex: 0,
              'aria-expanded': open,
              onClick: toggle,
              onKeyDown: (e: KeyboardEvent) => {
                if (e.key === 'Enter' || e.key === ' ') {
                  e.preventDefault();
                  toggle();
                }
              },
            }
          : {})}
      >
        <span className="callout-icon" aria-hidden="true">
          <Icon size={16} />
        </span>
        <span className="callout-title-inner">
          {titleEl ? (titleEl.props as { children?: ReactNode }).children : type}
        </span>
        {foldable ? (
          <span className="callout-fold" aria-hidden="true">
            <ChevronRight size={16} />
          </span>
        ) : null}
      </div>
      <div className="callout-content" hidden={!open}>
        {body}
      </div>
    </div>
  );
}
