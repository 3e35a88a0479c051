import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DatasetInfo } from '../../../analysis/api/contract.ts';
import type { AttributionOptions } from '../../../analysis/api/contracts/attribution.ts';
import { ErrorBox } from '../../app/ErrorBox.tsx';
import { Chart } from '../../components/charts/Chart.tsx';
import { ExportMenu } from '../../components/charts/ExportMenu.tsx';
import type { ExportColumn } from '../../lib/csv.ts';
import { formatInteger, formatValue } from '../../lib/format.ts';
import { SOURCE_COLORS } from './attribution-view.ts';
import { useRun } from './use-run.ts';

/** Plough-layer flux balance: input shares per metal by pathway, net accumulation, years to screening. */
export function MassBalancePanel({
  datasets,
  options,
}: {
  datasets: DatasetInfo[];
  options: AttributionOptions | null;
}) {
  const { t: tr, i18n } = useTranslation('attribution');
  const lang = i18n.language;
  const fluxSets = datasets.filter((d) => d.kind === 'flux');
  const soilSets = datasets.filter((d) => d.kind === 'soil');
  const [datasetId, setDatasetId] = useState('');
  const [soilId, setSoilId] = useState('');
  const [depth, setDepth] = useState(20);
  const [density, setDensity] = useState(1.3);
  const { result, busy, error, run } = useRun('attribution.massBalance');

  useEffect(() => {
    if (!fluxSets.some((d) => d.id === datasetId)) setDatasetId(fluxSets[0]?.id ?? '');
    if (soilId === '' && soilSets[0]) setSoilId(soilSets[0].id);
  }, [fluxSets, soilSets, datasetId, soilId]);
  useEffect(() => {
    if (options) {
      setDepth(options.defaults.depthCm);
      setDensity(options.defaults.bulkDensity);
    }
  }, [options]);

  const pathway = useCallback((p: string) => tr(`pathway.${p}`, { defaultValue: p }), [tr]);
  const chart = useMemo(() => {
    if (!result) return null;
    const metals = result.balances.map((b) => b.metal);
    const pathways = [...new Set(result.balances.flatMap((b) => b.inputs.map((i) => i.pathway)))];
    return {
      data: pathways.map((p, k) => ({
        type: 'bar',
        name: pathway(p),
        x: metals,
        y: result.balances.map((b) => (b.inputs.find((i) => i.pathway === p)?.share ?? 0) * 100),
        customdata: result.balances.map((b) => b.inputs.find((i) => i.pathway === p)?.flux ?? 0),
        marker: { color: SOURCE_COLORS[k % SOURCE_COLORS.length] },
        hovertemplate: `${pathway(p)} %{x}: %{y:.1f}% (%{customdata:.3g} g/ha/a)<extra></extra>`,
      })),
      layout: {
        title: { text: tr('mass.chartTitle') },
        barmode: 'stack',
        yaxis: { title: { text: tr('mass.shareAxis') }, range: [0, 100] },
        legend: { orientation: 'h', y: -0.15 },
      },
      exportData: [
        { name: tr('apcs.element'), values: metals },
        ...pathways.map((p) => ({
          name: `${pathway(p)} (g/ha/a)`,
          values: result.balances.map((b) => b.inputs.find((i) => i.pathway === p)?.flux ?? 0),
        })),
        ...pathways.map((p) => ({
          name: `${pathway(p)} ${tr('mass.share')}`,
          values: result.balances.map((b) => b.inputs.find((i) => i.pathway === p)?.share ?? 0),
        })),
      ] as ExportColumn[],
    };
  }, [result, tr, pathway]);

  const tableExport: ExportColumn[] = result
    ? [
        { name: tr('apcs.element'), values: result.balances.map((b) => b.metal) },
        { name: `${tr('mass.totalInput')} (g/ha/a)`, values: result.balances.map((b) => b.totalInput) },
        { name: `${tr('mass.totalOutput')} (g/ha/a)`, values: result.balances.map((b) => b.totalOutput) },
        { name: `${tr('mass.net')} (g/ha/a)`, values: result.balances.map((b) => b.netFlux) },
        { name: `${tr('mass.accumulation')} (mg/kg/a)`, values: result.balances.map((b) => b.accumulation) },
        { name: `${tr('mass.current')} (mg/kg)`, values: result.projection.map((p) => p.current) },
        { name: `${tr('mass.screening')} (mg/kg)`, values: result.projection.map((p) => p.screening) },
        { name: tr('mass.years'), values: result.projection.map((p) => p.years) },
      ]
    : [];

  const yearsText = (p: NonNullable<typeof result>['projection'][number]) => {
    if (p.current === null || p.screening === null) return '—';
    if (p.current >= p.screening) return tr('mass.already');
    if (p.years === null) return tr('mass.never');
    return p.years < 100 ? formatValue(p.years, lang) : formatInteger(p.years, lang);
  };

  if (fluxSets.length === 0) return <div className="placeholder">{tr('mass.noFlux')}</div>;
  return (
    <section className="panel" data-testid="attribution-mass-balance">
      <div className="attribution-form">
        <label>
          <span>{tr('mass.fluxDataset')}</span>
          <select value={datasetId} data-testid="mass-dataset" onChange={(e) => setDatasetId(e.target.value)}>
            {fluxSets.map((d) => (
              <option key={d.id} value={d.id}>
                {d.id} · {d.sourceFile}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span>{tr('mass.soilDataset')}</span>
          <select value={soilId} onChange={(e) => setSoilId(e.target.value)}>
            <option value="">{tr('none')}</option>
            {soilSets.map((d) => (
              <option key={d.id} value={d.id}>
                {d.id} · {d.sourceFile}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span>{tr('mass.depth')}</span>
          <input
            type="number"
            min={1}
            max={200}
            value={depth}
            data-testid="mass-depth"
            onChange={(e) => setDepth(Number(e.target.value))}
          />
        </label>
        <label>
          <span>{tr('mass.density')}</span>
          <input
            type="number"
            min={0.5}
            max={3}
            step={0.05}
            value={density}
            data-testid="mass-density"
            onChange={(e) => setDensity(Number(e.target.value))}
          />
        </label>
        <button
          type="button"
          className="primary"
          data-testid="attribution-run-massBalance"
          disabled={busy || !datasetId || !(depth > 0) || !(density > 0)}
          onClick={() =>
            run({ datasetId, depthCm: depth, bulkDensity: density, soilDatasetId: soilId || undefined })
          }
        >
          {busy ? tr('running') : tr('run')}
        </button>
      </div>
      {error !== null && <ErrorBox error={error} />}
      {result && chart && (
        <>
          <Chart
            testId="mass-chart"
            data={chart.data}
            layout={chart.layout}
            exportName="flux-balance-input-shares"
            exportData={chart.exportData}
            height={420}
          />
          <div className="panel-header">
            <h2>{tr('mass.tableTitle')}</h2>
            <ExportMenu name="flux-balance" data={tableExport} disabled={false} />
          </div>
          <table className="grid compact" data-testid="mass-table">
            <thead>
              <tr>
                <th>{tr('apcs.element')}</th>
                <th className="num">{tr('mass.totalInput')}</th>
                <th className="num">{tr('mass.totalOutput')}</th>
                <th className="num">{tr('mass.net')}</th>
                <th className="num">{tr('mass.accumulation')}</th>
                <th className="num">{tr('mass.current')}</th>
                <th className="num">{tr('mass.screening')}</th>
                <th className="num">{tr('mass.years')}</th>
              </tr>
            </thead>
            <tbody>
              {result.balances.map((b, i) => (
                <tr key={b.metal} data-testid={`mass-row-${b.metal}`}>
                  <th scope="row">{b.metal}</th>
                  <td className="num">{formatValue(b.totalInput, lang)}</td>
                  <td className="num">{formatValue(b.totalOutput, lang)}</td>
                  <td className="num">{formatValue(b.netFlux, lang)}</td>
                  <td className="num" data-key="accumulation">
                    {formatValue(b.accumulation, lang)}
                  </td>
                  <td className="num">{formatValue(result.projection[i].current, lang)}</td>
                  <td className="num">{formatValue(result.projection[i].screening, lang)}</td>
                  <td className="num" data-key="years">
                    {yearsText(result.projection[i])}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <p className="footnote muted">
            {tr('mass.footnote', {
              mass: formatInteger(result.soilMassKgPerHa, lang),
              depth: result.depthCm,
              density: result.bulkDensity,
              ph: result.medianPh === null ? '—' : result.medianPh.toFixed(2),
            })}
          </p>
        </>
      )}
    </section>
  );
}
