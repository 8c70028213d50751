/**
 * A list property as the one line of text the Properties pane edits, and back: items joined with `, `. An item that
 * would not read back as itself from a bare comma-separated line (a string holding a comma, a double quote or
 * surrounding spaces, an empty string, or a value that is not a string: number, checkbox, null, nested list or map)
 * is written as JSON (`"Smith, John"`, `3`), so that a line left as it was reads back to exactly the same items and an
 * edit changes only what was typed. Obsidian edits a list item by item; this line keeps the same guarantee.
 */

function itemText(v: unknown): string {
  if (typeof v === 'string' && v !== '' && v.trim() === v && !/[,"]/.test(v)) return v;
  return JSON.stringify(v) ?? String(v);
}

export function listToText(values: readonly unknown[]): string {
  return values.map(itemText).join(', ');
}

/** Splits a line at the commas outside `"…"` strings and `[…]` / `{…}` brackets; each piece trimmed. */
function pieces(text: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let inString = false;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === '[' || c === '{') depth++;
    else if ((c === ']' || c === '}') && depth > 0) depth--;
    else if (c === ',' && depth === 0) {
      out.push(text.slice(start, i));
      start = i + 1;
    }
  }
  out.push(text.slice(start));
  // an unclosed quote or bracket swallowed the commas after it: read that stretch as plain comma-separated text
  if (inString || depth > 0) {
    const last = out.pop() ?? '';
    out.push(...last.split(','));
  }
  return out.map((p) => p.trim()).filter(Boolean);
}

/**
 * The items of an edited line. A piece spelled as one of `previous`'s items is that item (its type kept); a quoted
 * piece is its JSON string; any other piece is the text as typed.
 */
export function textToList(text: string, previous: readonly unknown[]): unknown[] {
  const known = new Map<string, unknown>();
  for (const v of previous) if (!known.has(itemText(v))) known.set(itemText(v), v);
  return pieces(text).map((p) => {
    if (known.has(p)) return known.get(p);
    if (p.length >= 2 && p.startsWith('"') && p.endsWith('"')) {
      try {
        const s: unknown = JSON.parse(p);
        if (typeof s === 'string') return s;
      } catch {
        // not a JSON string: kept as typed
      }
    }
    return p;
  });
}
