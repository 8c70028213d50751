/** Display helpers of the learning panel. */

const LEVELS = ['', '初级 junior', '高级 senior', '资深 staff', '专家 expert'];

/** `L2 高级 senior` for 1..4 (the seed roadmap's names), `no level` otherwise. */
export function levelLabel(level: number | null | undefined): string {
  return level && level >= 1 && level <= 4 ? `L${level} ${LEVELS[level]}` : 'no level';
}

/** `45 min`, `1 h 5 min`. */
export function minutesLabel(min: number): string {
  if (min < 60) return `${min} min`;
  const h = Math.floor(min / 60);
  const m = min % 60;
  return m === 0 ? `${h} h` : `${h} h ${m} min`;
}
