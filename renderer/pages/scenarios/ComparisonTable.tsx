import { useTranslation } from 'react-i18next';
import type { ComparisonResult } from '../../../analysis/methods/scenarios/index.ts';
import { ExportMenu } from '../../components/charts/ExportMenu.tsx';
import type { ExportColumn } from '../../lib/csv.ts';
import { formatInteger, formatPercent, formatValue } from '../../lib/format.ts';
import { YUAN_PER_UNIT } from './scenarios-view.ts';

/** The cells of one scenario's row, formatted for the locale (the e2e test compares against these). */
export function comparisonCells(
  s: ComparisonResult['scenarios'][number],
  lang: string,
): Record<string, string> {
  const money = (v: number) => formatValue(v / YUAN_PER_UNIT, lang);
  return {
    costP5: money(s.cost.p5),
    costP50: money(s.cost.p50),
    costP95: money(s.cost.p95),
    npv: money(s.npv),
    duration: formatValue(s.durationYears, lang),
    areaTreated: formatValue(s.areaTreatedHa, lang),
    exceedanceBefore: formatValue(s.exceedanceAreaHa.before, lang),
    exceedanceAfter: formatValue(s.exceedanceAreaHa.after, lang),
    healthBefore: formatValue(s.healthRisk.before, lang),
    healthAfter: formatValue(s.healthRisk.after, lang),
    carbon: formatValue(s.carbonTCO2e, lang),
    targetProbability: formatPercent(s.targetProbability, lang),
    score: formatValue(s.score, lang),
    rank: formatInteger(s.rank, lang),
  };
}

const COLUMNS = [
  'costP5',
  'costP50',
  'costP95',
  'npv',
  'duration',
  'areaTreated',
  'exceedanceBefore',
  'exceedanceAfter',
  'healthBefore',
  'healthAfter',
  'carbon',
  'targetProbability',
  'score',
  'rank',
] as const;

export function ComparisonTable({ result }: { result: ComparisonResult }) {
  const { t: tr, i18n } = useTranslation('scenarios');
  const lang = i18n.language;
  const rows = [...result.scenarios].sort((a, b) => a.rank - b.rank);
  const exportData: ExportColumn[] = [
    { name: 'id', values: rows.map((s) => s.id) },
    { name: tr('table.scenario'), values: rows.map((s) => s.name) },
    { name: `${tr('table.costP5')} (yuan)`, values: rows.map((s) => s.cost.p5) },
    { name: `${tr('table.costP50')} (yuan)`, values: rows.map((s) => s.cost.p50) },
    { name: `${tr('table.costP95')} (yuan)`, values: rows.map((s) => s.cost.p95) },
    { name: `${tr('table.npv')} (yuan)`, values: rows.map((s) => s.npv) },
    { name: tr('table.duration'), values: rows.map((s) => s.durationYears) },
    { name: tr('table.areaTreated'), values: rows.map((s) => s.areaTreatedHa) },
    { name: tr('table.exceedanceBefore'), values: rows.map((s) => s.exceedanceAreaHa.before) },
    { name: tr('table.exceedanceAfter'), values: rows.map((s) => s.exceedanceAreaHa.after) },
    { name: tr('table.healthBefore'), values: rows.map((s) => s.healthRisk.before) },
    { name: tr('table.healthAfter'), values: rows.map((s) => s.healthRisk.after) },
    { name: tr('table.carbon'), values: rows.map((s) => s.carbonTCO2e) },
    { name: tr('table.targetProbability'), values: rows.map((s) => s.targetProbability) },
    { name: tr('table.score'), values: rows.map((s) => s.score) },
    { name: tr('table.rank'), values: rows.map((s) => s.rank) },
  ];
  return (
    <div className="panel scroll-x">
      <div className="panel-header">
        <h2>{tr('table.title')}</h2>
        <span className="muted">
          {tr('table.ranking', {
            method: result.ranking.method === 'topsis' ? 'TOPSIS' : tr('editor.weightedSum'),
            cr: result.ranking.ahp ? formatValue(result.ranking.ahp.consistencyRatio, lang) : '—',
          })}
        </span>
        <ExportMenu name="scenario-comparison" data={exportData} disabled={false} />
      </div>
      <table className="data-table compact comparison-table" data-testid="scenarios-table">
        <thead>
          <tr>
            <th rowSpan={2}>{tr('table.scenario')}</th>
            <th colSpan={3}>{tr('table.cost')}</th>
            <th rowSpan={2}>{tr('table.npv')}</th>
            <th rowSpan={2}>{tr('table.duration')}</th>
            <th rowSpan={2}>{tr('table.areaTreated')}</th>
            <th colSpan={2}>{tr('table.exceedance')}</th>
            <th colSpan={2}>{tr('table.health')}</th>
            <th rowSpan={2}>{tr('table.carbon')}</th>
            <th rowSpan={2}>{tr('table.targetProbability', { year: result.target.year })}</th>
            <th rowSpan={2}>{tr('table.score')}</th>
            <th rowSpan={2}>{tr('table.rank')}</th>
          </tr>
          <tr>
            <th>P5</th>
            <th>P50</th>
            <th>P95</th>
            <th>{tr('table.before')}</th>
            <th>{tr('table.after')}</th>
            <th>{tr('table.before')}</th>
            <th>{tr('table.after')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((s) => {
            const cells = comparisonCells(s, lang);
            return (
              <tr
                key={s.id}
                data-testid={`scenarios-row-${s.id}`}
                className={s.rank === 1 ? 'best' : undefined}
              >
                <td className="scenario-name">
                  {s.name}
                  {s.onParetoFront && (
                    <span className="tag pareto" title={tr('table.paretoHint')}>
                      {tr('table.pareto')}
                    </span>
                  )}
                </td>
                {COLUMNS.map((c) => (
                  <td key={c} data-key={c} className="num">
                    {cells[c]}
                  </td>
                ))}
              </tr>
            );
          })}
        </tbody>
      </table>
      <div className="footnote">{tr('table.footnote', { target: result.target.metals.join(', ') })}</div>
    </div>
  );
}
