import type { Table } from 'apache-arrow';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { AssessmentRunResult } from '../../../analysis/api/contracts/assessment.ts';
import { ExportMenu } from '../../components/charts/ExportMenu.tsx';
import { pick } from '../../i18n/index.ts';
import type { ExportColumn } from '../../lib/csv.ts';
import { formatInteger, formatPercent, formatValue } from '../../lib/format.ts';
import { CLASS_COLORS, rangeText } from './assessment-view.ts';

const VALUE_KEYS = ['min', 'max', 'mean', 'sd'] as const;

/** The descriptive table papers print, per metal, with the shares of each class. */
export function SummaryPanel({ result, samples }: { result: AssessmentRunResult; samples: Table }) {
  const { t: tr, i18n } = useTranslation('assessment');
  const lang = i18n.language;
  const s = result.summary;
  const classes = result.classes;
  const className = (c: string) => tr(`class.${c}`);

  const exportData = useMemo<ExportColumn[]>(
    () => [
      { name: tr('summary.metal'), values: s.metals.map((m) => m.metal) },
      { name: 'n', values: s.metals.map((m) => m.n) },
      ...VALUE_KEYS.map((k) => ({
        name: `${tr(`summary.${k}`)} (mg/kg)`,
        values: s.metals.map((m) => m[k]),
      })),
      { name: tr('summary.cv'), values: s.metals.map((m) => m.cv) },
      { name: `${tr('summary.background')} (mg/kg)`, values: s.metals.map((m) => m.background) },
      {
        name: `${tr('summary.screeningMin')} (mg/kg)`,
        values: s.metals.map((m) => m.screening?.min ?? null),
      },
      {
        name: `${tr('summary.screeningMax')} (mg/kg)`,
        values: s.metals.map((m) => m.screening?.max ?? null),
      },
      { name: tr('summary.exceedance'), values: s.metals.map((m) => m.exceedanceRate) },
      ...classes.map((c) => ({
        name: tr(`class.${c}`),
        values: s.metals.map((m) => (m.screening === null ? null : (m.classShares[c] ?? 0))),
      })),
      { name: tr('summary.meanIgeo'), values: s.metals.map((m) => m.meanIgeo) },
      { name: tr('summary.meanEr'), values: s.metals.map((m) => m.meanEr) },
    ],
    [s, classes, tr],
  );

  const sampleExport = useMemo<ExportColumn[]>(
    () =>
      samples.schema.fields.map((f) => {
        const vector = samples.getChild(f.name);
        const values: (string | number | null)[] = [];
        for (let i = 0; i < samples.numRows; i++) {
          const v: unknown = vector?.get(i);
          values.push(v === null || v === undefined ? null : typeof v === 'number' ? v : String(v));
        }
        return { name: f.name, values };
      }),
    [samples],
  );

  const unclassed = s.n - s.classified;
  return (
    <>
      <section className="panel" data-testid="assessment-summary">
        <div className="panel-header">
          <h2>
            {tr('summary.title')} <span className="muted">(mg/kg)</span>
          </h2>
          <ExportMenu name={`assessment-summary-${result.datasetId}`} data={exportData} disabled={false} />
        </div>
        <p className="summary-line" data-testid="assessment-class-counts">
          {tr('summary.samples', { n: formatInteger(s.n, lang) })}
          {classes.map((c) => (
            <span key={c} className="class-chip" data-testid={`class-count-${c}`}>
              <span className="swatch" style={{ background: CLASS_COLORS[c] }} />
              {className(c)} {formatInteger(s.classCounts[c] ?? 0, lang)} (
              {formatPercent(s.classShares[c] ?? 0, lang)})
            </span>
          ))}
          {unclassed > 0 && (
            <span className="class-chip">
              <span className="swatch unclassed" />
              {tr('class.unclassed')} {formatInteger(unclassed, lang)}
            </span>
          )}
        </p>
        <div className="scroll-x">
          <table className="grid" data-testid="assessment-summary-table">
            <thead>
              <tr>
                <th>{tr('summary.metal')}</th>
                <th className="num">n</th>
                {VALUE_KEYS.map((k) => (
                  <th key={k} className="num">
                    {tr(`summary.${k}`)}
                  </th>
                ))}
                <th className="num">{tr('summary.cv')}</th>
                <th className="num">{tr('summary.background')}</th>
                <th className="num">{tr('summary.screening')}</th>
                <th className="num">{tr('summary.exceedance')}</th>
                {classes.map((c) => (
                  <th key={c} className="num">
                    {className(c)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {s.metals.map((m) => (
                <tr key={m.metal} data-testid={`assessment-summary-${m.metal}`}>
                  <th scope="row">{m.metal}</th>
                  <td className="num">{formatInteger(m.n, lang)}</td>
                  {VALUE_KEYS.map((k) => (
                    <td key={k} className="num" data-key={k}>
                      {formatValue(m[k], lang)}
                    </td>
                  ))}
                  <td className="num">{formatPercent(m.cv, lang)}</td>
                  <td className="num">{formatValue(m.background, lang)}</td>
                  <td className="num">{rangeText(m.screening, (x) => formatValue(x, lang))}</td>
                  <td className={(m.exceedanceRate ?? 0) > 0 ? 'num warn' : 'num'} data-key="exceedance">
                    {formatPercent(m.exceedanceRate, lang)}
                  </td>
                  {classes.map((c) => (
                    <td key={c} className="num" data-key={c}>
                      {m.screening === null ? '—' : formatPercent(m.classShares[c] ?? 0, lang)}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <p className="footnote muted">
          {tr('summary.footnote', {
            standard: `${result.standard.version} ${pick(result.standard.name, lang)}`,
            background: pick(result.background.name, lang),
          })}
        </p>
        <div className="panel-header">
          <span className="muted">
            {tr('summary.sampleTable', { n: formatInteger(samples.numRows, lang) })}
          </span>
          <ExportMenu name={`assessment-samples-${result.datasetId}`} data={sampleExport} disabled={false} />
        </div>
      </section>
      {result.warnings.length > 0 && (
        <section className="panel" data-testid="assessment-warnings">
          <details>
            <summary>{tr('summary.warnings', { n: result.warnings.length })}</summary>
            <ul className="issues">
              {result.warnings.slice(0, 200).map((w, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: warnings have no id and never reorder
                <li key={i} className="warning">
                  {pick(w, lang)}
                </li>
              ))}
            </ul>
          </details>
        </section>
      )}
    </>
  );
}
