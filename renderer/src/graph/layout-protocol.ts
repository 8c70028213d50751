/** Messages between the renderer and the layout worker (layout.worker.ts). Coordinates in px at zoom 1. */
import type { GraphForces } from './settings.ts';

export interface LayoutRequest {
  id: number;
  /** `force`: d3-force (force-layout.ts); `map`: dagre top-to-bottom, each node below its prerequisites. */
  mode: 'force' | 'map';
  /** Node ids, sizes (diameter) and label widths (for the map). */
  ids: string[];
  sizes: Float32Array;
  labelWidths: Float32Array;
  /** Start positions (x0, y0, x1, y1, …) or null to start from d3's phyllotaxis spiral. */
  start: Float64Array | null;
  /** Edges as pairs of indexes into `ids` (source, target, …). */
  edges: Uint32Array;
  forces: GraphForces;
  /** Index of a node held at the origin (the local graph's current note, so it is drawn centred), or -1. */
  pin: number;
}

export interface LayoutResult {
  id: number;
  /** x0, y0, x1, y1, … in the order of the request's ids. */
  positions: Float64Array;
  /** Time spent in the worker, ms. */
  ms: number;
  error?: string;
}
