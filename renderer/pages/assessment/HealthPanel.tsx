import type { PlotDatum } from 'plotly.js-strict-dist-min';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { AssessmentRunResult, MetalHealthRow } from '../../../analysis/api/contracts/assessment.ts';
import { Chart } from '../../components/charts/Chart.tsx';
import { ExportMenu } from '../../components/charts/ExportMenu.tsx';
import { pick } from '../../i18n/index.ts';
import type { ExportColumn } from '../../lib/csv.ts';
import { formatPercent } from '../../lib/format.ts';
import { CLASS_COLORS } from './assessment-view.ts';

const POPULATIONS = ['child', 'adult'] as const;
const POPULATION_COLORS = { child: '#c0504d', adult: '#1f4e79' };

const SUPERSCRIPT: Record<string, string> = {
  '-': '⁻',
  '0': '⁰',
  '1': '¹',
  '2': '²',
  '3': '³',
  '4': '⁴',
  '5': '⁵',
  '6': '⁶',
  '7': '⁷',
  '8': '⁸',
  '9': '⁹',
};

/** Hazard quotients and cancer risks span decades: 3 significant digits, exponent below 0.001. */
export function formatRisk(value: number | null | undefined, locale: string): string {
  if (value === null || value === undefined || Number.isNaN(value)) return '—';
  if (value === 0) return '0';
  if (Math.abs(value) < 1e-3) {
    const [mantissa, exponent] = value.toExponential(2).split('e');
    return `${mantissa}×10${[...String(Number(exponent))].map((c) => SUPERSCRIPT[c] ?? c).join('')}`;
  }
  return new Intl.NumberFormat(locale, { maximumSignificantDigits: 3 }).format(value);
}

export function HealthPanel({ result }: { result: AssessmentRunResult }) {
  const { t: tr, i18n } = useTranslation('assessment');
  const lang = i18n.language;
  const h = result.health;
  const rows = h.metals;
  const metals = useMemo(() => [...new Set(rows.map((r) => r.metal))], [rows]);

  const columns = useMemo(
    () =>
      [
        ['hqIngestion', (r: MetalHealthRow) => r.hq.ingestion],
        ['hqDermal', (r: MetalHealthRow) => r.hq.dermal],
        ['hqInhalation', (r: MetalHealthRow) => r.hq.inhalation],
        ['hiMean', (r: MetalHealthRow) => r.hiMean],
        ['hiMax', (r: MetalHealthRow) => r.hiMax],
        ['crMean', (r: MetalHealthRow) => r.crMean],
        ['crMax', (r: MetalHealthRow) => r.crMax],
      ] as const,
    [],
  );

  const exportData = useMemo<ExportColumn[]>(
    () => [
      { name: tr('health.population'), values: rows.map((r) => tr(`population.${r.population}`)) },
      { name: tr('summary.metal'), values: rows.map((r) => r.metal) },
      ...columns.map(([key, get]) => ({ name: tr(`health.${key}`), values: rows.map(get) })),
      { name: tr('health.shareHi'), values: rows.map((r) => r.shareHiAbove1) },
      { name: tr('health.shareCr'), values: rows.map((r) => r.shareCrAbove1e6) },
    ],
    [rows, columns, tr],
  );

  const chart = useMemo(() => {
    const data: PlotDatum[] = POPULATIONS.map((p) => ({
      type: 'bar',
      name: tr(`population.${p}`),
      x: metals,
      y: metals.map((m) => rows.find((r) => r.metal === m && r.population === p)?.hiMean ?? null),
      error_y: {
        type: 'data',
        symmetric: false,
        array: metals.map((m) => {
          const r = rows.find((x) => x.metal === m && x.population === p);
          return r && r.hiMax !== null && r.hiMean !== null ? r.hiMax - r.hiMean : null;
        }),
        arrayminus: metals.map(() => 0),
        color: '#555',
        thickness: 1,
        width: 3,
      },
      marker: { color: POPULATION_COLORS[p] },
      hovertemplate: `%{x} ${tr(`population.${p}`)}: HQ %{y:.3g}<extra></extra>`,
    }));
    return {
      data,
      layout: {
        barmode: 'group',
        title: { text: tr('health.chartTitle') },
        yaxis: { type: 'log', title: { text: tr('health.hqAxis') }, exponentformat: 'power' },
        xaxis: { title: { text: tr('summary.metal') } },
        shapes: [
          {
            type: 'line',
            xref: 'paper',
            x0: 0,
            x1: 1,
            y0: 1,
            y1: 1,
            line: { color: CLASS_COLORS.strict_control, width: 1.5, dash: 'dash' },
          },
        ],
        annotations: [
          {
            xref: 'paper',
            x: 0,
            y: 0,
            yref: 'y',
            xanchor: 'left',
            yanchor: 'bottom',
            text: 'HQ = 1',
            showarrow: false,
            font: { color: CLASS_COLORS.strict_control, size: 11 },
          },
        ],
        legend: { orientation: 'h', x: 0.99, xanchor: 'right', y: 0.99, yanchor: 'top' },
      },
      exportData: [
        { name: tr('summary.metal'), values: metals },
        ...POPULATIONS.flatMap((p) => [
          {
            name: `${tr(`population.${p}`)} ${tr('health.hiMean')}`,
            values: metals.map((m) => rows.find((r) => r.metal === m && r.population === p)?.hiMean ?? null),
          },
          {
            name: `${tr(`population.${p}`)} ${tr('health.hiMax')}`,
            values: metals.map((m) => rows.find((r) => r.metal === m && r.population === p)?.hiMax ?? null),
          },
        ]),
      ] as ExportColumn[],
    };
  }, [rows, metals, tr]);

  return (
    <>
      <section className="panel" data-testid="assessment-health">
        <div className="panel-header">
          <h2>{tr('health.title')}</h2>
          <ExportMenu name={`health-risk-${result.datasetId}`} data={exportData} disabled={false} />
        </div>
        <p className="summary-line">
          {tr('health.parameters', { set: pick(h.parameterSet.name, lang), id: h.parameterSet.id })}
        </p>
        <div className="scroll-x">
          <table className="grid" data-testid="assessment-health-table">
            <thead>
              <tr>
                <th>{tr('health.population')}</th>
                <th>{tr('summary.metal')}</th>
                {columns.map(([key]) => (
                  <th key={key} className="num">
                    {tr(`health.${key}`)}
                  </th>
                ))}
                <th className="num">{tr('health.shareHi')}</th>
                <th className="num">{tr('health.shareCr')}</th>
              </tr>
            </thead>
            <tbody>
              {POPULATIONS.flatMap((p) => [
                ...rows
                  .filter((r) => r.population === p)
                  .map((r) => (
                    <tr key={`${p}-${r.metal}`} data-testid={`health-${p}-${r.metal}`}>
                      <td>{tr(`population.${p}`)}</td>
                      <th scope="row">{r.metal}</th>
                      {columns.map(([key, get]) => (
                        <td
                          key={key}
                          data-key={key}
                          className={key.startsWith('hi') && (get(r) ?? 0) > 1 ? 'num warn' : 'num'}
                        >
                          {formatRisk(get(r), lang)}
                        </td>
                      ))}
                      <td className="num">{formatPercent(r.shareHiAbove1, lang)}</td>
                      <td className="num">{formatPercent(r.shareCrAbove1e6, lang)}</td>
                    </tr>
                  )),
                <tr key={`${p}-total`} className="total-row" data-testid={`health-${p}-total`}>
                  <td>{tr(`population.${p}`)}</td>
                  <th scope="row">{tr('health.total')}</th>
                  <td colSpan={3} />
                  <td className={h[p].hiMean > 1 ? 'num warn' : 'num'} data-key="hiMean">
                    {formatRisk(h[p].hiMean, lang)}
                  </td>
                  <td className="num" data-key="hiMax">
                    {formatRisk(h[p].hiMax, lang)}
                  </td>
                  <td className="num" data-key="crMean">
                    {formatRisk(h[p].crMean, lang)}
                  </td>
                  <td className="num" data-key="crMax">
                    {formatRisk(h[p].crMax, lang)}
                  </td>
                  <td className="num">{formatPercent(h[p].shareHiAbove1, lang)}</td>
                  <td className="num">{formatPercent(h[p].shareCrAbove1e4, lang)}</td>
                </tr>,
              ])}
            </tbody>
          </table>
        </div>
        <p className="footnote muted">{tr('health.footnote', { toxicity: h.toxicity.id })}</p>
      </section>
      <section className="panel">
        <Chart
          testId="assessment-health-chart"
          data={chart.data}
          layout={chart.layout}
          exportName="health-risk-hq"
          exportData={chart.exportData}
          height={400}
        />
      </section>
    </>
  );
}
