/**
 * Strongly connected components (Tarjan 1972), iterative so that 5,000-deep prerequisite chains cannot overflow the
 * call stack.
 */

/**
 * The strongly connected components of the graph `edges` restricted to the nodes with `include[n] !== 0`
 * (all nodes when `include` is omitted), visiting roots in the order of `roots`. Each component lists its node ids;
 * components come out in reverse topological order of the condensation (Tarjan's order).
 */
export function stronglyConnectedComponents(
  edges: readonly (readonly number[])[],
  roots: Iterable<number>,
  include?: Uint8Array,
): number[][] {
  const count = edges.length;
  const index = new Int32Array(count).fill(-1);
  const low = new Int32Array(count);
  const onStack = new Uint8Array(count);
  const stack: number[] = [];
  const components: number[][] = [];
  // Explicit DFS frames: node and position in its edge list.
  const frameNode: number[] = [];
  const frameEdge: number[] = [];
  let next = 0;

  for (const root of roots) {
    if (index[root] !== -1 || (include && !include[root])) continue;
    index[root] = low[root] = next++;
    stack.push(root);
    onStack[root] = 1;
    frameNode.push(root);
    frameEdge.push(0);
    while (frameNode.length > 0) {
      const top = frameNode.length - 1;
      const v = frameNode[top];
      const list = edges[v];
      let descended = false;
      while (frameEdge[top] < list.length) {
        const w = list[frameEdge[top]++];
        if (include && !include[w]) continue;
        if (index[w] === -1) {
          index[w] = low[w] = next++;
          stack.push(w);
          onStack[w] = 1;
          frameNode.push(w);
          frameEdge.push(0);
          descended = true;
          break;
        } else if (onStack[w] && index[w] < low[v]) {
          low[v] = index[w];
        }
      }
      if (descended) continue;
      frameNode.pop();
      frameEdge.pop();
      if (frameNode.length > 0) {
        const parent = frameNode[frameNode.length - 1];
        if (low[v] < low[parent]) low[parent] = low[v];
      }
      if (low[v] === index[v]) {
        const component: number[] = [];
        let w: number;
        do {
          w = stack.pop()!;
          onStack[w] = 0;
          component.push(w);
        } while (w !== v);
        components.push(component);
      }
    }
  }
  return components;
}
