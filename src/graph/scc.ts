/**
 * Strongly connected components of a directed graph given as adjacency lists, by Tarjan's
 * algorithm written with an explicit stack (no recursion), so a 100,000-node chain cannot overflow
 * the call stack. Components come out in reverse topological order: every component is listed
 * after all components it points to, which is the order in which supply chains must be solved.
 *
 * @example
 * stronglyConnectedComponents([[1], [0], [0]]) // [[1, 0], [2]] (0 and 1 form a loop; 2 uses it)
 */
export function stronglyConnectedComponents(edges: readonly (readonly number[])[]): number[][] {
  const n = edges.length;
  const index = new Int32Array(n).fill(-1);
  const low = new Int32Array(n);
  const onStack = new Uint8Array(n);
  const stack: number[] = [];
  const components: number[][] = [];
  let counter = 0;
  // Call frames: node and the position of the next edge to look at.
  const frameNode: number[] = [];
  const frameEdge: number[] = [];

  for (let root = 0; root < n; root++) {
    if (index[root] !== -1) continue;
    frameNode.push(root);
    frameEdge.push(0);
    index[root] = low[root] = counter++;
    stack.push(root);
    onStack[root] = 1;
    while (frameNode.length > 0) {
      const top = frameNode.length - 1;
      const v = frameNode[top]!;
      const out = edges[v]!;
      const e = frameEdge[top]!;
      if (e < out.length) {
        frameEdge[top] = e + 1;
        const w = out[e]!;
        if (index[w] === -1) {
          index[w] = low[w] = counter++;
          stack.push(w);
          onStack[w] = 1;
          frameNode.push(w);
          frameEdge.push(0);
        } else if (onStack[w] === 1) {
          low[v] = Math.min(low[v]!, index[w]!);
        }
        continue;
      }
      // All edges of v seen: close it.
      frameNode.pop();
      frameEdge.pop();
      if (frameNode.length > 0) {
        const parent = frameNode[frameNode.length - 1]!;
        low[parent] = Math.min(low[parent]!, low[v]!);
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
