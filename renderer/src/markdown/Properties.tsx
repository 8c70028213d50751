/**
 * A note's frontmatter drawn as Obsidian's Properties: a compact key/value table (`table.properties`), values as
 * written, a value holding a wiki link rendered as markdown (its link clickable). Shared by the Reading view and
 * Live Preview's frontmatter block (editor/block-render.tsx).
 */
import { withKeys } from '../react-keys.ts';
import { MarkdownBody } from './Markdown.tsx';
import type { Property } from './render.ts';

/** Longest property value rendered as markdown (links clickable), characters; longer ones show as text. */
const PROPERTY_MARKDOWN_MAX = 2000;

/** The properties (render.ts noteProperties: key and display values, in order) as a table labelled "Properties". */
export function PropertiesTable({ properties }: { properties: readonly Property[] }) {
  return (
    <table className="properties" aria-label="Properties">
      <tbody>
        {properties.map(({ key, values }) => (
          <tr key={key}>
            <th scope="row">{key}</th>
            <td>
              {withKeys(values, (v) => v).map(({ key: k, item: v }, i) => (
                <span className="property-value" key={k}>
                  {i > 0 ? ', ' : null}
                  {v.length <= PROPERTY_MARKDOWN_MAX && v.includes('[[') ? <MarkdownBody text={v} /> : v}
                </span>
              ))}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
