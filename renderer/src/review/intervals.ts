/**
 * Short interval labels for the grade buttons (as Anki shows them: "10 min", "3 d", "1.5 mo"): the time from now to
 * the due date a grade would give (`api.gradePreview`).
 */
const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;

/** `ms` (≥ 0; negative counts as 0) as minutes under an hour, hours under a day, days under a month, months under a year, else years. */
export function intervalLabel(ms: number): string {
  const t = Math.max(0, ms);
  if (t < HOUR) return `${Math.max(1, Math.round(t / MIN))} min`;
  if (t < DAY) return `${Math.round(t / HOUR)} h`;
  if (t < 30 * DAY) return `${Math.round(t / DAY)} d`;
  const one = (x: number) => (Math.round(x * 10) / 10).toString();
  if (t < 365 * DAY) return `${one(t / (30 * DAY))} mo`;
  return `${one(t / (365 * DAY))} y`;
}
