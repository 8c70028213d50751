/**
 * The renderer side of the layout worker: `runLayout` posts a request and resolves with positions by node id.
 * One worker per view (`LayoutRunner`), so a slow global layout never delays the local graph; a newer request
 * supersedes an older one (its promise resolves with null).
 */
import type { LayoutRequest, LayoutResult } from './layout-protocol.ts';
import type { GraphForces } from './settings.ts';

export interface LayoutInput {
  mode: 'force' | 'map';
  nodes: { id: string; size: number; labelWidth: number; x?: number; y?: number }[];
  edges: [string, string][];
  forces: GraphForces;
  /** Use the nodes' x/y as the start (only when every node has them). */
  fromPositions: boolean;
  /** A node held at the origin (force mode; the local graph's current note). */
  pin?: string | null;
}

export class LayoutRunner {
  private worker: Worker | null = null;
  private seq = 0;
  private pending = new Map<number, (r: LayoutResult | null) => void>();

  private ensure(): Worker {
    if (!this.worker) {
      this.worker = new Worker(new URL('./layout.worker.ts', import.meta.url), { type: 'module' });
      this.worker.onmessage = (e: MessageEvent<LayoutResult>) => {
        const done = this.pending.get(e.data.id);
        this.pending.delete(e.data.id);
        done?.(e.data);
      };
    }
    return this.worker;
  }

  /** Positions by node id, or null when superseded by a newer call or the runner was disposed. */
  async run(input: LayoutInput): Promise<{ positions: Map<string, { x: number; y: number }>; ms: number } | null> {
    const id = ++this.seq;
    for (const [k, resolve] of this.pending) {
      resolve(null);
      this.pending.delete(k);
    }
    const n = input.nodes.length;
    const index = new Map(input.nodes.map((node, i) => [node.id, i]));
    const edges: number[] = [];
    for (const [s, t] of input.edges) {
      const a = index.get(s);
      const b = index.get(t);
      if (a !== undefined && b !== undefined && a !== b) edges.push(a, b);
    }
    const start = input.fromPositions && input.nodes.every((x) => x.x !== undefined) ? new Float64Array(2 * n) : null;
    if (start)
      input.nodes.forEach((x, i) => {
        start[2 * i] = x.x!;
        start[2 * i + 1] = x.y!;
      });
    const req: LayoutRequest = {
      id,
      mode: input.mode,
      ids: input.nodes.map((x) => x.id),
      sizes: Float32Array.from(input.nodes, (x) => x.size),
      labelWidths: Float32Array.from(input.nodes, (x) => x.labelWidth),
      start,
      edges: Uint32Array.from(edges),
      forces: input.forces,
      pin: input.pin ? (index.get(input.pin) ?? -1) : -1,
    };
    const res = await new Promise<LayoutResult | null>((resolve) => {
      this.pending.set(id, resolve);
      this.ensure().postMessage(req, [
        req.sizes.buffer,
        req.labelWidths.buffer,
        req.edges.buffer,
        ...(start ? [start.buffer] : []),
      ]);
    });
    if (!res) return null;
    if (res.error) throw new Error(`graph layout failed: ${res.error}`);
    const positions = new Map<string, { x: number; y: number }>();
    for (const [i, nodeId] of req.ids.entries()) {
      positions.set(nodeId, { x: res.positions[2 * i], y: res.positions[2 * i + 1] });
    }
    return { positions, ms: res.ms };
  }

  dispose(): void {
    this.worker?.terminate();
    this.worker = null;
    for (const resolve of this.pending.values()) resolve(null);
    this.pending.clear();
  }
}
