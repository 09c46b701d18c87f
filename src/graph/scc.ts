/**
 * A directed graph in compressed form: the edges of node v are targets[start[v] .. start[v + 1]).
 */
export interface CompressedGraph {
  readonly start: Int32Array;
  readonly targets: Int32Array;
}

/** Adjacency lists in compressed form. */
export function compressedGraph(edges: readonly (readonly number[])[]): CompressedGraph {
  const start = new Int32Array(edges.length + 1);
  for (let v = 0; v < edges.length; v++) start[v + 1] = start[v]! + edges[v]!.length;
  const targets = new Int32Array(start[edges.length]!);
  let at = 0;
  for (const out of edges) for (const w of out) targets[at++] = w;
  return { start, targets };
}

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
  const { nodes, start } = componentsOf(compressedGraph(edges));
  return Array.from({ length: start.length - 1 }, (_, c) => [...nodes.subarray(start[c]!, start[c + 1]!)]);
}

/**
 * Components in flat form: component c is nodes[start[c] .. start[c + 1]), components in the
 * order of `stronglyConnectedComponents`, nodes within one in the same order too.
 */
export interface FlatComponents {
  readonly nodes: Int32Array;
  readonly start: Int32Array;
}

/**
 * `stronglyConnectedComponents` of a graph in compressed form, in flat form: a list of its own
 * for each component was most of what a large acyclic solve allocated.
 */
export function componentsOf(graph: CompressedGraph): FlatComponents {
  const { start: edgeStart, targets } = graph;
  const n = edgeStart.length - 1;
  const index = new Int32Array(n).fill(-1);
  const low = new Int32Array(n);
  const onStack = new Uint8Array(n);
  // The nodes of open components, and the call frames (a node, the next of its edges to look
  // at): each holds a node at most once, so n places are enough.
  const stack = new Int32Array(n);
  let stackSize = 0;
  const frameNode = new Int32Array(n);
  const frameEdge = new Int32Array(n);
  let frames = 0;
  const nodes = new Int32Array(n);
  const start = new Int32Array(n + 1);
  let placed = 0;
  let components = 0;
  let counter = 0;

  for (let root = 0; root < n; root++) {
    if (index[root] !== -1) continue;
    frameNode[0] = root;
    frameEdge[0] = edgeStart[root]!;
    frames = 1;
    index[root] = low[root] = counter++;
    stack[stackSize++] = root;
    onStack[root] = 1;
    while (frames > 0) {
      const top = frames - 1;
      const v = frameNode[top]!;
      const e = frameEdge[top]!;
      if (e < edgeStart[v + 1]!) {
        frameEdge[top] = e + 1;
        const w = targets[e]!;
        if (index[w] === -1) {
          index[w] = low[w] = counter++;
          stack[stackSize++] = w;
          onStack[w] = 1;
          frameNode[frames] = w;
          frameEdge[frames] = edgeStart[w]!;
          frames++;
        } else if (onStack[w] === 1) {
          low[v] = Math.min(low[v]!, index[w]!);
        }
        continue;
      }
      // All edges of v seen: close it.
      frames--;
      if (frames > 0) {
        const parent = frameNode[frames - 1]!;
        low[parent] = Math.min(low[parent]!, low[v]!);
      }
      if (low[v] === index[v]) {
        let w: number;
        do {
          w = stack[--stackSize]!;
          onStack[w] = 0;
          nodes[placed++] = w;
        } while (w !== v);
        start[++components] = placed;
      }
    }
  }
  return { nodes, start: start.subarray(0, components + 1) };
}
