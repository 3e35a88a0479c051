import type { Table } from 'apache-arrow';
import type { PlotDatum } from 'plotly.js-strict-dist-min';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AssessmentRunResult } from '../../../analysis/api/contracts/assessment.ts';
import {
  CROP_TYPE_LABELS,
  type CropType,
} from '../../../analysis/methods/assessment/standards/gb2762-2022.ts';
import { Chart } from '../../components/charts/Chart.tsx';
import { ExportMenu } from '../../components/charts/ExportMenu.tsx';
import { pick } from '../../i18n/index.ts';
import type { ExportColumn } from '../../lib/csv.ts';
import { formatInteger, formatPercent, formatValue } from '../../lib/format.ts';
import { CLASS_COLORS, pickRows, rowsWith, UNCLASSED_COLOR } from './assessment-view.ts';

type Crops = NonNullable<AssessmentRunResult['crops']>;

const JOINT_CLASSES = ['priority_protection', 'safe_utilization', 'strict_control'];
const JOINT_SYMBOLS: Record<string, string> = {
  maintain: 'circle',
  monitor: 'diamond',
  investigate_other_sources: 'triangle-up',
  monitor_closely: 'square',
  safe_use_measures: 'triangle-down',
  restrict_planting: 'x',
};

function cropLabel(code: string, lang: string): string {
  return code in CROP_TYPE_LABELS ? pick(CROP_TYPE_LABELS[code as CropType], lang) : code;
}

/** Food-limit check (GB 2762), BCF and the joint soil-and-crop view. */
export function CropPanel({ crops, cropTable, samples }: { crops: Crops; cropTable: Table; samples: Table }) {
  const { t: tr, i18n } = useTranslation('assessment');
  const lang = i18n.language;
  const [metal, setMetal] = useState(crops.metals.includes('Cd') ? 'Cd' : (crops.metals[0] ?? ''));

  const exportData = useMemo<ExportColumn[]>(
    () => [
      { name: tr('crops.crop'), values: crops.summary.map((r) => cropLabel(r.crop, lang)) },
      { name: tr('summary.metal'), values: crops.summary.map((r) => r.metal) },
      { name: 'n', values: crops.summary.map((r) => r.n) },
      { name: `${tr('summary.mean')} (mg/kg)`, values: crops.summary.map((r) => r.mean) },
      { name: `${tr('summary.max')} (mg/kg)`, values: crops.summary.map((r) => r.max) },
      { name: `${tr('crops.limit')} (mg/kg)`, values: crops.summary.map((r) => r.limit) },
      { name: tr('crops.exceedances'), values: crops.summary.map((r) => r.exceedances) },
      { name: tr('crops.exceedanceRate'), values: crops.summary.map((r) => r.exceedanceRate) },
      { name: tr('crops.meanBcf'), values: crops.summary.map((r) => r.meanBcf) },
    ],
    [crops, tr, lang],
  );

  const scatter = useMemo(() => {
    const n = cropTable.numRows;
    const col = (name: string) => {
      const v = cropTable.getChild(name);
      return Float64Array.from({ length: n }, (_, i) => {
        const x: unknown = v?.get(i);
        return typeof x === 'number' ? x : Number.NaN;
      });
    };
    const soil = col(`soil_${metal}`);
    const crop = col(`crop_${metal}`);
    const limit = col(`limit_${metal}`);
    const ids: string[] = [];
    const soilIds: string[] = [];
    const joint: string[] = [];
    const action: string[] = [];
    for (let i = 0; i < n; i++) {
      const row = cropTable.get(i)?.toJSON() as Record<string, unknown>;
      ids.push(String(row.sample_id ?? ''));
      soilIds.push(String(row.soil_sample_id ?? ''));
      joint.push(String(row.joint_class ?? ''));
      action.push(String(row.joint_action ?? ''));
    }
    // Screening and intervention values of the paired soils (they vary with pH and land use).
    const soilIndex = new Map<string, number>();
    const sampleIds = samples.getChild('sample_id');
    for (let i = 0; i < samples.numRows; i++) soilIndex.set(String(sampleIds?.get(i)), i);
    const thresholds = (suffix: string) => {
      const column = samples.getChild(`${metal}_${suffix}`);
      const out = new Set<number>();
      for (const id of soilIds) {
        const r = soilIndex.get(id);
        const v: unknown = r === undefined ? null : column?.get(r);
        if (typeof v === 'number') out.add(v);
      }
      return [...out].sort((a, b) => a - b);
    };
    const screening = thresholds('screening');
    const intervention = thresholds('intervention');
    const limits = [...new Set(Array.from(limit).filter((x) => !Number.isNaN(x)))];
    const data: PlotDatum[] = [];
    for (const code of [...JOINT_CLASSES, '']) {
      const inClass = rowsWith(joint, code).filter((r) => !Number.isNaN(soil[r]) && !Number.isNaN(crop[r]));
      const label = code ? tr(`class.${code}`) : tr('class.unclassed');
      // One trace per class and action, so the legend shows each symbol it uses.
      for (const act of [...new Set(pickRows(action, inClass))]) {
        const rows = inClass.filter((r) => action[r] === act);
        const name = act ? `${label} · ${tr(`jointAction.${act}`)}` : label;
        data.push({
          type: 'scatter',
          mode: 'markers',
          name: `${name} (${rows.length})`,
          x: pickRows(soil, rows),
          y: pickRows(crop, rows),
          text: rows.map((r) => `${ids[r]} / ${soilIds[r]}`),
          marker: {
            size: 8,
            color: code ? CLASS_COLORS[code] : UNCLASSED_COLOR,
            symbol: JOINT_SYMBOLS[act] ?? 'circle',
            line: { width: 0.6, color: 'rgba(0,0,0,0.6)' },
          },
          hovertemplate: `%{text}<br>${name}<br>${tr('crops.soilAxis', { metal })}: %{x:.3g}<br>${tr('crops.cropAxis', { metal })}: %{y:.3g}<extra></extra>`,
        });
      }
    }
    const vline = (x: number, color: string, dash: string) => ({
      type: 'line',
      xref: 'x',
      yref: 'paper',
      x0: x,
      x1: x,
      y0: 0,
      y1: 1,
      line: { color, width: 1.2, dash },
    });
    const hline = (y: number) => ({
      type: 'line',
      xref: 'paper',
      yref: 'y',
      x0: 0,
      x1: 1,
      y0: y,
      y1: y,
      line: { color: CLASS_COLORS.strict_control, width: 1.5, dash: 'dash' },
    });
    const maxSoil = Math.max(0, ...Array.from(soil).filter((x) => !Number.isNaN(x)));
    const shownIntervention = intervention.filter((x) => x <= maxSoil * 1.2);
    const annotations = [
      ...limits.map((y) => ({
        xref: 'paper',
        x: 1,
        yref: 'y',
        y,
        xanchor: 'right',
        yanchor: 'bottom',
        showarrow: false,
        text: tr('crops.limitLine', { value: formatValue(y, lang) }),
        font: { color: CLASS_COLORS.strict_control, size: 11 },
      })),
      ...screening.map((x, i) => ({
        xref: 'x',
        x,
        yref: 'paper',
        y: 1 - i * 0.06,
        xanchor: 'left',
        yanchor: 'top',
        showarrow: false,
        text: `${tr('charts.sShort')} ${formatValue(x, lang)}`,
        font: { color: '#8a6100', size: 10 },
      })),
      ...shownIntervention.map((x, i) => ({
        xref: 'x',
        x,
        yref: 'paper',
        y: 1 - i * 0.06,
        xanchor: 'left',
        yanchor: 'top',
        showarrow: false,
        text: `${tr('charts.gShort')} ${formatValue(x, lang)}`,
        font: { color: CLASS_COLORS.strict_control, size: 10 },
      })),
    ];
    return {
      data,
      layout: {
        title: { text: tr('crops.scatterTitle', { metal }) },
        xaxis: { title: { text: tr('crops.soilAxis', { metal }) }, rangemode: 'tozero' },
        yaxis: { title: { text: tr('crops.cropAxis', { metal }) }, rangemode: 'tozero' },
        shapes: [
          ...limits.map(hline),
          ...screening.map((x) => vline(x, CLASS_COLORS.safe_utilization, 'dot')),
          ...shownIntervention.map((x) => vline(x, CLASS_COLORS.strict_control, 'dot')),
        ],
        annotations,
        legend: { orientation: 'h', x: 0, y: -0.16, yanchor: 'top' },
        margin: { l: 64, r: 24, t: 40, b: 120 },
        hovermode: 'closest',
      },
      exportData: [
        { name: tr('crops.cropSample'), values: ids },
        { name: tr('crops.soilSample'), values: soilIds },
        { name: tr('crops.soilAxis', { metal }), values: soil },
        { name: tr('crops.cropAxis', { metal }), values: crop },
        { name: `${tr('crops.limit')} (mg/kg)`, values: limit },
        { name: tr('crops.joint'), values: joint.map((c) => (c ? tr(`class.${c}`) : '')) },
        { name: tr('crops.action'), values: action.map((a) => (a ? tr(`jointAction.${a}`) : '')) },
      ] as ExportColumn[],
    };
  }, [cropTable, samples, metal, tr, lang]);

  return (
    <>
      <section className="panel" data-testid="assessment-crops">
        <div className="panel-header">
          <h2>{tr('crops.title', { table: crops.table.version })}</h2>
          <ExportMenu name="crop-safety" data={exportData} disabled={false} />
        </div>
        <p className="summary-line" data-testid="assessment-joint-counts">
          {tr('crops.jointCounts')}
          {JOINT_CLASSES.map((c) => (
            <span key={c} className="class-chip" data-testid={`joint-count-${c}`}>
              <span className="swatch" style={{ background: CLASS_COLORS[c] }} />
              {tr(`class.${c}`)} {formatInteger(crops.jointCounts[c] ?? 0, lang)}
            </span>
          ))}
        </p>
        <div className="scroll-x">
          <table className="grid" data-testid="assessment-crop-table">
            <thead>
              <tr>
                <th>{tr('crops.crop')}</th>
                <th>{tr('summary.metal')}</th>
                <th className="num">n</th>
                <th className="num">{tr('summary.mean')}</th>
                <th className="num">{tr('summary.max')}</th>
                <th className="num">{tr('crops.limit')}</th>
                <th className="num">{tr('crops.exceedances')}</th>
                <th className="num">{tr('crops.exceedanceRate')}</th>
                <th className="num">{tr('crops.meanBcf')}</th>
              </tr>
            </thead>
            <tbody>
              {crops.summary.map((r) => (
                <tr key={`${r.crop}-${r.metal}`} data-testid={`crop-${r.crop}-${r.metal}`}>
                  <td>{cropLabel(r.crop, lang)}</td>
                  <th scope="row">{r.metal}</th>
                  <td className="num">{formatInteger(r.n, lang)}</td>
                  <td className="num">{formatValue(r.mean, lang)}</td>
                  <td className="num">{formatValue(r.max, lang)}</td>
                  <td className="num">{formatValue(r.limit, lang)}</td>
                  <td className={r.exceedances > 0 ? 'num warn' : 'num'} data-key="exceedances">
                    {formatInteger(r.exceedances, lang)}
                  </td>
                  <td className="num">{formatPercent(r.exceedanceRate, lang)}</td>
                  <td className="num" data-key="bcf">
                    {formatValue(r.meanBcf, lang)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <p className="footnote muted">{tr('crops.footnote', { source: crops.table.source })}</p>
      </section>
      <section className="panel">
        <div className="panel-header">
          <h2>{tr('crops.joint')}</h2>
          <label>
            <span>{tr('summary.metal')}</span>
            <select
              value={metal}
              data-testid="assessment-crop-metal"
              onChange={(e) => setMetal(e.target.value)}
            >
              {crops.metals.map((m) => (
                <option key={m} value={m}>
                  {m}
                </option>
              ))}
            </select>
          </label>
        </div>
        <Chart
          testId="assessment-crop-scatter"
          data={scatter.data}
          layout={scatter.layout}
          exportName={`soil-crop-${metal}`}
          exportData={scatter.exportData}
          height={540}
        />
        <p className="footnote muted">{tr('crops.scatterFootnote')}</p>
      </section>
    </>
  );
}
