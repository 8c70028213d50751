/**
 * Pinyin initials of Chinese text for the quick switcher (`ddq` finds 调度器): the first letter of each character's
 * pinyin reading, from pinyin-pro, which picks polyphonic readings by the surrounding word (调度 → diào dù). Other
 * characters map to themselves, lower-cased; the result is index-aligned with the input (one UTF-16 unit each), so
 * match positions highlight the original text.
 *
 * Bounded cost: whole-string conversion (about 50 µs each) for the first {@link WORD_BUDGET} strings per
 * {@link resetPinyinBudget}; beyond that, or for strings over {@link WORD_MAX} characters, a per-character cache
 * (each distinct character converted once).
 */
import { pinyin } from 'pinyin-pro';

const HAN = /\p{Script=Han}/u;
const charCache = new Map<string, string>();
/** Strings converted with word context per budget period. */
export const WORD_BUDGET = 3000;
/** Longest string converted with word context, characters. */
export const WORD_MAX = 80;
let budget = WORD_BUDGET;

/** Starts a new budget period (when the note list is rebuilt). */
export function resetPinyinBudget(): void {
  budget = WORD_BUDGET;
}

function charInitial(ch: string): string {
  let first = charCache.get(ch);
  if (first === undefined) {
    first = (pinyin(ch, { pattern: 'first', toneType: 'none' }) || ch).slice(0, 1).toLowerCase();
    charCache.set(ch, first);
  }
  return first;
}

function perChar(text: string): string {
  let out = '';
  for (const ch of text) out += ch.length === 1 && HAN.test(ch) ? charInitial(ch) : ch.toLowerCase();
  return out;
}

/** Initials aligned with `text` (same length); null when `text` has no Han character. */
export function pinyinInitials(text: string): string | null {
  if (!HAN.test(text)) return null;
  if (budget > 0 && text.length <= WORD_MAX) {
    budget--;
    const chars = [...text];
    const parts = pinyin(text, { pattern: 'first', toneType: 'none', type: 'array' });
    if (parts.length === chars.length) {
      let out = '';
      chars.forEach((ch, i) => {
        out += ch.length === 1 && HAN.test(ch) ? (parts[i] || ch).slice(0, 1).toLowerCase() : ch.toLowerCase();
      });
      return out;
    }
  }
  return perChar(text);
}
