/**
 * Which Cytoscape renderer draws a graph view, and the size thresholds of the large-graph settings.
 * Source: Cytoscape ≥ 3.31's WebGL mode (`renderer: { name: 'canvas', webgl: true }`), which draws node bodies as
 * textures in atlases and edges as GPU lines; the 2D canvas renderer otherwise.
 */

/** Above this many nodes the WebGL renderer is used (when WebGL runs on a GPU). */
export const WEBGL_ABOVE = 2000;
/** From this many nodes a graph counts as large: one pixel ratio (and with WebGL, edges hidden while the viewport moves). */
export const LARGE = 1000;

/**
 * Whether Cytoscape's WebGL renderer should draw a graph of `nodeCount` nodes: above {@link WEBGL_ABOVE} nodes when
 * a WebGL context runs on a GPU. A software rasteriser (SwiftShader, llvmpipe: headless Chromium without a GPU, e.g.
 * `--disable-gpu`) counts as unavailable: it was measured slower than the canvas renderer in round 3 (not re-measured
 * since the benchmark's first-frame mark works on the WebGL path, which emits no 'render' event). Tests and the benchmark set `window.__atlasGraphWebgl = 'force'` to use WebGL at any size
 * whenever a WebGL context can be made.
 */
export function wantsWebgl(nodeCount: number): boolean {
  const force = (window as unknown as { __atlasGraphWebgl?: string }).__atlasGraphWebgl === 'force';
  if (!force && nodeCount <= WEBGL_ABOVE) return false;
  try {
    const c = document.createElement('canvas');
    const gl = (c.getContext('webgl2') ?? c.getContext('webgl')) as WebGLRenderingContext | null;
    if (!gl) return false;
    if (force) return true;
    const info = gl.getExtension('WEBGL_debug_renderer_info');
    const name = String(gl.getParameter(info ? info.UNMASKED_RENDERER_WEBGL : gl.RENDERER));
    return !/swiftshader|llvmpipe|software/i.test(name);
  } catch {
    return false;
  }
}
