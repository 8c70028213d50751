/**
 * A text summary of a V8 sampling heap profile (CDP `HeapProfiler.stopSampling`, `.heapprofile`): the allocation
 * stacks holding the most sampled live memory, by self size (each with its three innermost callers), and the
 * total, MB.
 */
export interface SamplingHeapProfile {
  head: SampleNode;
}

interface SampleNode {
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  selfSize: number;
  children: SampleNode[];
}

function frameName(cf: SampleNode['callFrame']): string {
  const file = cf.url ? cf.url.split('/').pop()!.split('?')[0] : '';
  return `${cf.functionName || '(anonymous)'}${file ? ` ${file}:${cf.lineNumber + 1}` : ''}`;
}

/** The `top` allocation stacks by sampled live bytes, one line each, and the total. */
export function summariseHeap(p: SamplingHeapProfile, top: number): string {
  const byStack = new Map<string, number>();
  let total = 0;
  const walk = (n: SampleNode, stack: string[]) => {
    const here = [...stack, frameName(n.callFrame)];
    if (n.selfSize > 0) {
      total += n.selfSize;
      const key = here.slice(-4).reverse().join(' < ');
      byStack.set(key, (byStack.get(key) ?? 0) + n.selfSize);
    }
    for (const c of n.children) walk(c, here);
  };
  walk(p.head, []);
  const lines = [...byStack.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .map(([k, v]) => `${(v / 1e6).toFixed(1).padStart(8)}  ${k}`);
  return [...lines, `${(total / 1e6).toFixed(1).padStart(8)}  total sampled live`].join('\n');
}
