import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DatasetInfo } from '../../../analysis/api/contract.ts';
import type { AttributionOptions, EndMemberShape } from '../../../analysis/api/contracts/attribution.ts';
import { ErrorBox } from '../../app/ErrorBox.tsx';
import { Chart } from '../../components/charts/Chart.tsx';
import { ExportMenu } from '../../components/charts/ExportMenu.tsx';
import { decodeTable } from '../../lib/arrow.ts';
import type { ExportColumn } from '../../lib/csv.ts';
import { formatPercent } from '../../lib/format.ts';
import { parseNumber, SOURCE_COLORS } from './attribution-view.ts';
import { useRun } from './use-run.ts';

type Source = 'example' | 'upload' | 'dataset';
interface Row {
  name: string;
  cells: [string, string, string, string];
}

const toRows = (ends: EndMemberShape[]): Row[] =>
  ends.map((e) => ({
    name: e.name,
    cells: [
      String(e.ranges[0][0]),
      String(e.ranges[0][1]),
      String(e.ranges[1]?.[0] ?? ''),
      String(e.ranges[1]?.[1] ?? ''),
    ],
  }));

/** Lead isotopes: editable end-members, binary/ternary mixing with Monte Carlo, ratio–ratio plot. */
export function IsotopePanel({
  options,
  datasets,
}: {
  options: AttributionOptions;
  datasets: DatasetInfo[];
}) {
  const { t: tr, i18n } = useTranslation('attribution');
  const lang = i18n.language;
  const [rows, setRows] = useState<Row[]>(() => toRows(options.endMembers));
  const [source, setSource] = useState<Source>('example');
  const [upload, setUpload] = useState<{ name: string; text: string } | null>(null);
  const [datasetId, setDatasetId] = useState(datasets[0]?.id ?? '');
  const [xColumn, setXColumn] = useState('');
  const [yColumn, setYColumn] = useState('');
  const [draws, setDraws] = useState(2000);
  const [seed, setSeed] = useState(1);
  const { result, busy, error, run } = useRun('attribution.isotopes');
  const dataset = datasets.find((d) => d.id === datasetId);
  const numeric = (dataset?.columns ?? [])
    .filter((c) => /DOUBLE|INT|FLOAT|DECIMAL/.test(c.type))
    .map((c) => c.name);

  const endMembers = rows.map((r) => {
    const v = r.cells.map(parseNumber);
    const ranges: [number, number][] = [[v[0], v[1]]];
    if (Number.isFinite(v[2]) && Number.isFinite(v[3])) ranges.push([v[2], v[3]]);
    return { name: r.name.trim(), ranges };
  });
  const invalid = endMembers.some((e) => e.name === '' || !e.ranges[0].every(Number.isFinite));

  const start = () => {
    const samples =
      source === 'dataset'
        ? { source: 'dataset' as const, datasetId, xColumn, yColumn }
        : { source: 'csv' as const, ...(source === 'upload' && upload ? upload : options.exampleIsotopeCsv) };
    run({ samples, endMembers, draws, seed });
  };

  const chart = useMemo(() => {
    if (!result) return null;
    const p = result.plot;
    const ternary = p.endMembers.length === 3;
    return {
      data: [
        {
          type: 'scatter',
          mode: 'markers',
          name: tr('iso.samples', { n: result.n }),
          x: p.samples.map((s) => s.x),
          y: p.samples.map((s) => s.y),
          text: p.samples.map((s) => s.id),
          marker: { size: 6, color: '#404040', symbol: 'circle-open' },
        },
        ...p.endMembers.map((e, k) => ({
          type: 'scatter',
          mode: 'markers',
          name: e.name,
          x: [e.centre[0]],
          y: [e.centre[1]],
          marker: { size: 11, symbol: 'square', color: SOURCE_COLORS[k % SOURCE_COLORS.length] },
        })),
        {
          type: 'scatter',
          mode: 'lines',
          name: ternary ? tr('iso.triangle') : tr('iso.line'),
          x: p.mixingOutline.map((q) => q[0]),
          y: p.mixingOutline.map((q) => q[1]),
          line: { dash: 'dot', color: '#7f7f7f', width: 1 },
          hoverinfo: 'skip',
        },
      ],
      layout: {
        title: { text: tr('iso.plotTitle') },
        xaxis: { title: { text: result.axes[0] } },
        yaxis: { title: { text: result.axes[1] } },
        shapes: p.endMembers.map((e, k) => ({
          type: 'rect',
          x0: e.x[0],
          x1: e.x[1],
          y0: e.y[0],
          y1: e.y[1],
          line: { color: SOURCE_COLORS[k % SOURCE_COLORS.length], width: 1.5 },
          fillcolor: SOURCE_COLORS[k % SOURCE_COLORS.length],
          opacity: 0.18,
        })),
        legend: { orientation: 'h', y: -0.18 },
      },
      exportData: [
        { name: 'sample_id', values: p.samples.map((s) => s.id) },
        { name: result.axes[0], values: p.samples.map((s) => s.x) },
        { name: result.axes[1], values: p.samples.map((s) => s.y) },
      ] as ExportColumn[],
    };
  }, [result, tr]);

  const sampleExport = useMemo<ExportColumn[]>(() => {
    if (!result) return [];
    const table = decodeTable(result.samples);
    return table.schema.fields.map((f) => ({
      name: f.name,
      values: [...(table.getChild(f.name) ?? [])].map((v: unknown) =>
        v === null || v === undefined ? null : typeof v === 'number' ? v : String(v),
      ),
    }));
  }, [result]);

  const setCell = (i: number, j: number, value: string) =>
    setRows((r) =>
      r.map((row, k) =>
        k === i ? { ...row, cells: row.cells.map((c, m) => (m === j ? value : c)) as Row['cells'] } : row,
      ),
    );

  return (
    <section className="panel" data-testid="attribution-isotopes">
      <h2>{tr('iso.endMembers')}</h2>
      <table className="grid compact" data-testid="iso-end-members">
        <thead>
          <tr>
            <th>{tr('iso.name')}</th>
            <th className="num">206Pb/207Pb min</th>
            <th className="num">206Pb/207Pb max</th>
            <th className="num">208Pb/207Pb min</th>
            <th className="num">208Pb/207Pb max</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {rows.map((row, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: rows are edited in place, names may repeat while typing
            <tr key={i}>
              <td>
                <input
                  className="cell name"
                  value={row.name}
                  onChange={(e) =>
                    setRows((r) => r.map((x, k) => (k === i ? { ...x, name: e.target.value } : x)))
                  }
                />
              </td>
              {row.cells.map((c, j) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: fixed four columns
                <td key={j}>
                  <input
                    className="cell"
                    value={c}
                    data-testid={`iso-cell-${i}-${j}`}
                    onChange={(e) => setCell(i, j, e.target.value)}
                  />
                </td>
              ))}
              <td>
                <button
                  type="button"
                  className="link warn"
                  disabled={rows.length <= 2}
                  onClick={() => setRows((r) => r.filter((_, k) => k !== i))}
                >
                  {tr('iso.remove')}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="attribution-form">
        <button
          type="button"
          disabled={rows.length >= 3}
          onClick={() => setRows((r) => [...r, { name: '', cells: ['', '', '', ''] }])}
        >
          {tr('iso.add')}
        </button>
        <button type="button" onClick={() => setRows(toRows(options.endMembers))}>
          {tr('iso.reset')}
        </button>
        <span className="muted">{tr('iso.defaults', { source: options.endMembersSource })}</span>
      </div>
      <div className="attribution-form">
        <label>
          <span>{tr('iso.source')}</span>
          <select
            value={source}
            data-testid="iso-source"
            onChange={(e) => setSource(e.target.value as Source)}
          >
            <option value="example">{tr('iso.example', { name: options.exampleIsotopeCsv.name })}</option>
            <option value="upload">{tr('iso.upload')}</option>
            <option value="dataset">{tr('iso.dataset')}</option>
          </select>
        </label>
        {source === 'upload' && (
          <label>
            <span>{tr('iso.file')}</span>
            <input
              type="file"
              accept=".csv,.txt,.tsv"
              onChange={(e) => {
                const file = e.target.files?.[0];
                if (file) void file.text().then((text) => setUpload({ name: file.name, text }));
              }}
            />
          </label>
        )}
        {source === 'dataset' && (
          <>
            <label>
              <span>{tr('dataset')}</span>
              <select value={datasetId} onChange={(e) => setDatasetId(e.target.value)}>
                {datasets.map((d) => (
                  <option key={d.id} value={d.id}>
                    {d.id}
                  </option>
                ))}
              </select>
            </label>
            {[
              [xColumn, setXColumn, '206Pb/207Pb'] as const,
              [yColumn, setYColumn, '208Pb/207Pb'] as const,
            ].map(([value, set, label]) => (
              <label key={label}>
                <span>{label}</span>
                <select value={value} onChange={(e) => set(e.target.value)}>
                  <option value="" />
                  {numeric.map((c) => (
                    <option key={c} value={c}>
                      {c}
                    </option>
                  ))}
                </select>
              </label>
            ))}
          </>
        )}
        <label>
          <span>{tr('iso.draws')}</span>
          <input
            type="number"
            min={100}
            max={100000}
            step={100}
            value={draws}
            onChange={(e) => setDraws(Number(e.target.value) || 2000)}
          />
        </label>
        <label>
          <span>{tr('iso.seed')}</span>
          <input
            type="number"
            value={seed}
            onChange={(e) => setSeed(Math.trunc(Number(e.target.value)) || 1)}
          />
        </label>
        <button
          type="button"
          className="primary"
          data-testid="attribution-run-isotopes"
          disabled={
            busy ||
            invalid ||
            (source === 'upload' && !upload) ||
            (source === 'dataset' && (!xColumn || !yColumn))
          }
          onClick={start}
        >
          {busy ? tr('running') : tr('run')}
        </button>
      </div>
      {error !== null && <ErrorBox error={error} />}
      {result && chart && (
        <>
          <Chart
            testId="iso-plot"
            data={chart.data}
            layout={chart.layout}
            exportName="pb-isotope-ratio-plot"
            exportData={chart.exportData}
            height={460}
          />
          <div className="panel-header">
            <h2>{tr('iso.sharesTitle', { n: result.n })}</h2>
            <ExportMenu name="pb-isotope-shares" data={sampleExport} disabled={false} />
          </div>
          <table className="grid compact" data-testid="iso-shares">
            <thead>
              <tr>
                <th>{tr('iso.name')}</th>
                <th className="num">{tr('iso.point')}</th>
                <th className="num">{tr('iso.mcMean')}</th>
                <th className="num">{tr('iso.interval')}</th>
              </tr>
            </thead>
            <tbody>
              {result.meanShares.map((s) => (
                <tr key={s.name} data-testid={`iso-share-${s.name}`}>
                  <th scope="row">{s.name}</th>
                  <td className="num" data-key="point">
                    {formatPercent(s.point, lang)}
                  </td>
                  <td className="num" data-key="mcMean">
                    {formatPercent(s.mcMean, lang)}
                  </td>
                  <td className="num">
                    {formatPercent(s.p2_5, lang)} – {formatPercent(s.p97_5, lang)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <p className="footnote muted">
            {tr('iso.footnote', {
              draws: result.draws,
              seed: result.seed,
              infeasible: result.infeasibleSamples,
            })}
          </p>
        </>
      )}
    </section>
  );
}
