/**
 * The printout and the process wiring shared by the index benches (bench.ts, bench-memory.ts): figures as JSON
 * (`--json`) or as an aligned `name  value` table under a title, and a `main(argv)` run as the process whose result
 * is the exit code (2: usage; 1: an uncaught error, printed).
 */

/** Prints `figures` (its `vault` entry goes in the title, not the table). */
export function printFigures(title: string, figures: Record<string, unknown>, json: boolean): void {
  if (json) {
    console.log(JSON.stringify(figures, null, 2));
    return;
  }
  console.log(title);
  const width = Math.max(...Object.keys(figures).map((k) => k.length));
  for (const [k, v] of Object.entries(figures)) if (k !== 'vault') console.log(`  ${k.padEnd(width)}  ${v}`);
}

/** Runs `main` on the process's arguments and sets the exit code from its result (1 when it throws). */
export function runMain(main: (argv: string[]) => Promise<number>): void {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (e) => {
      console.error(e);
      process.exitCode = 1;
    },
  );
}
