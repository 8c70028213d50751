/**
 * A text summary of a V8 CPU profile (`.cpuprofile`, CDP `Profiler.stop`): the busy stretches (consecutive non-idle
 * samples) longer than `stretchMs` with their top functions by self time, and the top functions of the whole
 * profile by self and by total (inclusive) time. Times in ms.
 */
export interface CpuProfile {
  nodes: {
    id: number;
    callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
    children?: number[];
  }[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
  endTime: number;
}

function frameName(cf: CpuProfile['nodes'][number]['callFrame']): string {
  const file = cf.url ? cf.url.split('/').pop()!.split('?')[0] : '';
  return `${cf.functionName || '(anonymous)'}${file ? ` ${file}:${cf.lineNumber + 1}:${cf.columnNumber + 1}` : ''}`;
}

function top(m: Map<string, number>, n: number, indent = '  '): string {
  return [...m.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, n)
    .map(([k, v]) => `${indent}${v.toFixed(1).padStart(8)}  ${k}`)
    .join('\n');
}

export function summariseProfile(p: CpuProfile, o: { stretchMs: number; top: number }): string {
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const self = new Map<string, number>();
  const total = new Map<string, number>();
  const lines: string[] = [];
  let stretch: { start: number; ms: number; self: Map<string, number> } | null = null;
  let t = 0;
  const flush = () => {
    if (stretch && stretch.ms >= o.stretchMs)
      lines.push(
        `busy ${stretch.ms.toFixed(0)} ms at +${stretch.start.toFixed(0)} ms:\n${top(stretch.self, 8, '    ')}`,
      );
    stretch = null;
  };
  for (let i = 0; i < p.samples.length; i++) {
    const dt = (p.timeDeltas[i + 1] ?? 0) / 1000;
    const node = byId.get(p.samples[i])!;
    const name = frameName(node.callFrame);
    t += (p.timeDeltas[i] ?? 0) / 1000;
    if (node.callFrame.functionName === '(idle)') {
      flush();
      continue;
    }
    stretch ??= { start: t, ms: 0, self: new Map() };
    stretch.ms += dt;
    stretch.self.set(name, (stretch.self.get(name) ?? 0) + dt);
    self.set(name, (self.get(name) ?? 0) + dt);
    const seen = new Set<string>();
    for (let id: number | undefined = node.id; id !== undefined; id = parent.get(id)) {
      const nm = frameName(byId.get(id)!.callFrame);
      if (seen.has(nm)) continue;
      seen.add(nm);
      total.set(nm, (total.get(nm) ?? 0) + dt);
    }
  }
  flush();
  const busy = [...self.values()].reduce((a, b) => a + b, 0);
  return [
    `profile ${((p.endTime - p.startTime) / 1000).toFixed(0)} ms, busy ${busy.toFixed(0)} ms`,
    ...lines,
    `top self:\n${top(self, o.top)}`,
    `top total:\n${top(total, o.top)}`,
  ].join('\n');
}
