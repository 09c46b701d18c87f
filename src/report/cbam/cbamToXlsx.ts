import type { Decimal } from '../../decimal/decimal.js';
import { toFixedString } from '../../decimal/rounding.js';
import { PRECURSOR_HEADINGS } from './cbamToCsv.js';
import { CATEGORY_NAMES, ROUTE_NAMES } from './regulation.js';
import { GOODS_SUMMARY_HEADINGS, goodsSummaryRows, precursorDirectTotal, type SummaryValue } from './summaryTable.js';
import type { CbamReport } from './types.js';
import { xlsxWorkbook, type XlsxCell } from './xlsxWorkbook.js';

/** Sheet names after the communication template's summary sheets (formats.md §3.7). */
export const CBAM_SHEETS = Object.freeze(['Summary_Communication', 'Summary_Products', 'Summary_Precursors', 'Notes'] as const);

const t = (text: string, bold = false): XlsxCell => ({ kind: 'text', text, ...(bold ? { bold: true } : {}) });
const n = (value: Decimal | undefined): XlsxCell => (value === undefined ? null : { kind: 'number', text: toFixedString(value) });
const heading = (texts: readonly string[]): XlsxCell[] => texts.map((text) => t(text, true));

/**
 * The CBAM communication as an .xlsx workbook laid out after the template's summary sheets:
 * `Summary_Communication` (installation, period, regulation and one row per good),
 * `Summary_Products` (how each SEE is made up), `Summary_Precursors` and `Notes`. Numbers are
 * numeric cells holding the exact decimal text; bytes are deterministic.
 *
 * @example
 * await writeFile('cbam.xlsx', cbamToXlsx(cbamEmbeddedEmissions(model, options)));
 */
export function cbamToXlsx(report: CbamReport): Uint8Array {
  const communication: XlsxCell[][] = [
    [t('CBAM operator communication — summary', true)],
    [t('Installation'), t(report.installation.name)],
    [t('Installation processes'), t(report.installation.processes.join(', '))],
    [t('Model'), t(report.model.id)],
    [t('Reporting period'), t(`${report.reportingPeriod.start} to ${report.reportingPeriod.end}`)],
    [t('Regulation period'), t(report.period)],
    [t('Legal act'), t(report.regulation.act)],
    [t('GWP set'), t(`${report.regulation.gwp} (CO2 ${report.regulation.gwpValues.CO2.toFixed()}, CF4 ${report.regulation.gwpValues.CF4.toFixed()}, C2F6 ${report.regulation.gwpValues.C2F6.toFixed()})`)],
    [t('Indirect emissions reported'), t(report.regulation.indirectReported ? 'yes' : 'no (aluminium: direct emissions only)')],
    [],
    heading(GOODS_SUMMARY_HEADINGS),
    ...goodsSummaryRows(report).map((row) => row.map(toCell)),
  ];

  const products: XlsxCell[][] = [
    heading([
      'Product flow', 'CN code', 'Aggregated goods category', 'Production route', 'Route basis', 'Activity level (t)',
      'Attributed direct (t CO2e/t)', 'CO2 (t/t)', 'CF4 (t/t)', 'C2F6 (t/t)', 'PFC (t CO2e/t)',
      'Attributed indirect (t CO2e/t)', 'Precursors direct (t CO2e/t)', 'SEE direct (t CO2e/t)', 'SEE indirect (t CO2e/t)',
      'SEE total (t CO2e/t)', 'Embedded direct (t CO2e)', 'Embedded indirect (t CO2e)', 'Embedded total (t CO2e)',
      'Scrap (t/t)', 'Pre-consumer scrap (t/t)',
    ]),
    ...report.goods.map((good) => {
      const gas = (id: string) => good.attributed.byGas[id];
      const pfc = [gas('CF4')?.co2e, gas('C2F6')?.co2e].filter((d): d is Decimal => d !== undefined);
      return [
        t(good.flow), t(good.cn), t(CATEGORY_NAMES[good.category]), t(ROUTE_NAMES[good.route]), t(good.routeBasis), n(good.activityLevel),
        n(good.attributed.direct), n(gas('CO2')?.mass), n(gas('CF4')?.mass), n(gas('C2F6')?.mass),
        n(pfc.length === 0 ? undefined : pfc.reduce((a, b) => a.plus(b))),
        n(good.attributed.indirect), n(precursorDirectTotal(good)), n(good.see.direct), n(good.see.indirect),
        n(good.see.total), n(good.embedded.direct), n(good.embedded.indirect), n(good.embedded.total),
        n(good.scrap.total), n(good.scrap.preConsumer),
      ];
    }),
  ];

  const precursors: XlsxCell[][] = [
    heading(PRECURSOR_HEADINGS),
    ...report.goods.flatMap((good) =>
      good.precursors.map((p) => [
        t(good.flow), t(good.cn), t(p.flow), p.cn === undefined ? null : t(p.cn), t(p.origin), n(p.mass), n(p.see.direct),
        n(p.see.indirect), n(p.embedded.direct), n(p.embedded.indirect), t(p.source),
      ]),
    ),
  ];

  const notes: XlsxCell[][] = [
    [t('Notes', true)],
    [t(report.regulation.basis)],
    ...report.notes.map((note) => [t(note)]),
    ...report.goods.flatMap((good) => [
      ...good.notes.map((note) => [t(`${good.flow}: ${note}`)]),
      ...Object.entries(good.excludedGases).map(([gas, mass]) => [
        t(`${good.flow}: ${gas} emitted inside the boundary is not a CBAM gas for aluminium (t/t)`), n(mass),
      ]),
    ]),
  ];

  return xlsxWorkbook([
    { name: CBAM_SHEETS[0], rows: communication },
    { name: CBAM_SHEETS[1], rows: products },
    { name: CBAM_SHEETS[2], rows: precursors },
    { name: CBAM_SHEETS[3], rows: notes },
  ]);
}

function toCell(value: SummaryValue): XlsxCell {
  if (value === null) return null;
  return value.kind === 'number' ? n(value.value) : t(value.value);
}
