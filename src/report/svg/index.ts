export { escapeXml } from './escapeXml.js';
export { formatPixels } from './formatPixels.js';
export { sankeyLayout, sankeySvg } from './sankey.js';
export type { SankeyDiagram, SankeyLayout, SankeyLink, SankeyNode, SankeyOptions, PlacedLink, PlacedNode } from './sankey.js';
export { barChartSvg } from './barChartSvg.js';
export type { Bar, BarChartOptions } from './barChartSvg.js';
