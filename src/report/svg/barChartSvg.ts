import { Decimal, ZERO } from '../../decimal/decimal.js';
import { escapeXml } from './escapeXml.js';
import { formatPixels as px } from './formatPixels.js';

/** One bar: a label and its (exact) value. */
export interface Bar {
  readonly label: string;
  readonly value: Decimal;
}

export interface BarChartOptions {
  readonly title?: string;
  readonly width?: number;
  /** Height of one bar row in pixels. */
  readonly rowHeight?: number;
  /** Width reserved for the labels on the left, in pixels. */
  readonly labelWidth?: number;
  /** Text shown after each bar (e.g. the rounded value and its share). */
  readonly formatValue?: (value: Decimal) => string;
}

const DEFAULTS = { width: 720, rowHeight: 26, labelWidth: 230 } as const;
const VALUE_WIDTH = 240;
const MAX_LABEL_CHARACTERS = 34;

/**
 * A horizontal bar chart as a standalone SVG string, one row per bar in the order given. Bars of
 * negative value (credits) extend left of the zero line. Lengths are proportional to the values
 * with one scale; labels longer than the label column are shortened with an ellipsis and given in
 * full in the bar's `<title>` tooltip. Every text is XML-escaped. Pure function.
 *
 * @example
 * barChartSvg([{ label: 'electricity', value: new Decimal('7.6') }, { label: 'anode', value: new Decimal('1.5') }],
 *   { title: 'By source' });
 */
export function barChartSvg(bars: readonly Bar[], options: BarChartOptions = {}): string {
  const width = options.width ?? DEFAULTS.width;
  const rowHeight = options.rowHeight ?? DEFAULTS.rowHeight;
  const labelWidth = options.labelWidth ?? DEFAULTS.labelWidth;
  const format = options.formatValue ?? ((v: Decimal) => v.toFixed());
  const top = 8;
  const height = top * 2 + Math.max(1, bars.length) * rowHeight;
  const plotLeft = labelWidth + 8;
  const plotWidth = Math.max(40, width - plotLeft - VALUE_WIDTH);

  let max = ZERO;
  let min = ZERO;
  for (const bar of bars) {
    if (bar.value.gt(max)) max = bar.value;
    if (bar.value.lt(min)) min = bar.value;
  }
  const span = max.minus(min);
  // Pixels per unit of value; geometry only (the values themselves stay exact Decimals).
  const scale = span.isZero() ? new Decimal(0) : new Decimal(plotWidth).div(span);
  const zeroX = plotLeft + min.negated().times(scale).toNumber();

  const out: string[] = [];
  out.push(`<svg xmlns="http://www.w3.org/2000/svg" class="bar-chart" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img">`);
  if (options.title !== undefined) out.push(`<title>${escapeXml(options.title)}</title>`);
  bars.forEach((bar, i) => {
    const y = top + i * rowHeight;
    const length = bar.value.abs().times(scale).toNumber();
    const x = bar.value.isNegative() ? zeroX - length : zeroX;
    const valueText = format(bar.value);
    out.push('<g class="bar">');
    out.push(`<title>${escapeXml(`${bar.label}: ${valueText}`)}</title>`);
    out.push(`<text class="bar-label" x="${labelWidth}" y="${px(y + rowHeight / 2)}" dy="0.35em" text-anchor="end">${escapeXml(shorten(bar.label))}</text>`);
    out.push(
      `<rect class="${bar.value.isNegative() ? 'bar-rect bar-negative' : 'bar-rect'}" x="${px(x)}" y="${px(y + 4)}" width="${px(Math.max(length, 0.5))}" height="${px(rowHeight - 8)}"/>`,
    );
    out.push(`<text class="bar-value" x="${px(Math.max(x + length, zeroX) + 6)}" y="${px(y + rowHeight / 2)}" dy="0.35em">${escapeXml(valueText)}</text>`);
    out.push('</g>');
  });
  out.push(`<line class="bar-axis" x1="${px(zeroX)}" y1="${top}" x2="${px(zeroX)}" y2="${height - top}" stroke="#444" stroke-width="1"/>`);
  out.push('</svg>');
  return out.join('\n');
}

function shorten(label: string): string {
  const characters = [...label];
  return characters.length <= MAX_LABEL_CHARACTERS ? label : `${characters.slice(0, MAX_LABEL_CHARACTERS - 1).join('')}…`;
}

