import { useTranslation } from 'react-i18next';
import type { ApiResult, MetalSummary } from '../../../analysis/api/contract.ts';
import { ExportMenu } from '../../components/charts/ExportMenu.tsx';
import { formatInteger, formatPercent, formatValue } from '../../lib/format.ts';

type Summary = ApiResult<'data.summary'>;

// Columns as survey papers report descriptive statistics (n, range, mean, median, SD, CV,
// percentiles, background, screening value, exceedance).
const VALUE_COLUMNS: (keyof MetalSummary)[] = ['min', 'max', 'mean', 'median', 'sd'];
const PERCENTILES: (keyof MetalSummary)[] = ['p10', 'p25', 'p75', 'p90'];

export function SummaryTable({ summary }: { summary: Summary }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const metals = summary.metals;
  const exportData = [
    { name: t('summary.element'), values: metals.map((m) => m.element) },
    { name: 'n', values: metals.map((m) => m.n) },
    ...[...VALUE_COLUMNS, 'cv' as const, ...PERCENTILES, 'background' as const, 'screening' as const].map(
      (key) => ({
        name: `${t(`summary.${key}`)}${key === 'cv' ? '' : ' (mg/kg)'}`,
        values: metals.map((m) => m[key] as number | null),
      }),
    ),
    { name: t('summary.shareAbove'), values: metals.map((m) => m.shareAboveScreening) },
  ];

  return (
    <section className="panel" data-testid="summary">
      <div className="panel-header">
        <h2>
          {t('summary.title')} <span className="muted">(mg/kg)</span>
        </h2>
        <ExportMenu name={`summary-${summary.datasetId}`} data={exportData} disabled={false} />
      </div>
      <div className="scroll-x">
        <table className="grid" data-testid="summary-table">
          <thead>
            <tr>
              <th>{t('summary.element')}</th>
              <th className="num">n</th>
              {VALUE_COLUMNS.map((k) => (
                <th key={k} className="num">
                  {t(`summary.${k}`)}
                </th>
              ))}
              <th className="num">{t('summary.cv')}</th>
              {PERCENTILES.map((k) => (
                <th key={k} className="num">
                  {t(`summary.${k}`)}
                </th>
              ))}
              <th className="num">{t('summary.background')}</th>
              <th className="num">{t('summary.screening')}</th>
              <th className="num">{t('summary.shareAbove')}</th>
            </tr>
          </thead>
          <tbody>
            {metals.map((m) => (
              <tr key={m.element} data-testid={`summary-${m.element}`}>
                <th scope="row">{m.element}</th>
                <td className="num">{formatInteger(m.n, lang)}</td>
                {VALUE_COLUMNS.map((k) => (
                  <td key={k} className="num">
                    {formatValue(m[k] as number | null, lang)}
                  </td>
                ))}
                <td className="num">{formatPercent(m.cv, lang)}</td>
                {PERCENTILES.map((k) => (
                  <td key={k} className="num">
                    {formatValue(m[k] as number | null, lang)}
                  </td>
                ))}
                <td className="num" title={m.backgroundSource ?? undefined}>
                  {formatValue(m.background, lang)}
                </td>
                <td className="num" title={m.screeningBasis ?? undefined}>
                  {formatValue(m.screening, lang)}
                </td>
                <td className={(m.shareAboveScreening ?? 0) > 0 ? 'num warn' : 'num'}>
                  {formatPercent(m.shareAboveScreening, lang)}
                  {m.nAboveScreening ? ` (${formatInteger(m.nAboveScreening, lang)})` : ''}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="footnote muted">{t('summary.footnote')}</p>
    </section>
  );
}
