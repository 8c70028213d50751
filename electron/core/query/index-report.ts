/** The index's part of the vault health report: unresolved links, ambiguous links, broken heading/block anchors, problems, orphans. */
import type { IndexReport } from '../model.ts';
import type { GraphStore } from '../store/graph-store.ts';

export function indexReport(store: GraphStore): IndexReport {
  const report: IndexReport = {
    unresolved: [],
    ambiguous: [],
    brokenAnchors: [],
    problems: [],
    orphans: store.orphans(),
  };
  for (const l of store.checkLinks()) {
    // an alias shared by several notes: resolves to none of them, reported as ambiguous (chosen: null)
    if (l.target === null && l.candidates)
      report.ambiguous.push({ source: l.source, raw: l.raw, line: l.line, candidates: l.candidates, chosen: null });
    else if (l.target === null) report.unresolved.push({ source: l.source, raw: l.raw, line: l.line });
    else {
      if (l.candidates)
        report.ambiguous.push({
          source: l.source,
          raw: l.raw,
          line: l.line,
          candidates: l.candidates,
          chosen: l.target,
        });
      if (l.anchorOk === false)
        report.brokenAnchors.push({ source: l.source, raw: l.raw, line: l.line, target: l.target });
    }
  }
  report.problems = store
    .problems()
    .map((p) => ({ path: p.path, kind: p.kind, message: p.line ? `line ${p.line}: ${p.message}` : p.message }));
  return report;
}
