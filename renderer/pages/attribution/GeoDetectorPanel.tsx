import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DatasetInfo } from '../../../analysis/api/contract.ts';
import type { AttributionOptions, GeoFactorSpec } from '../../../analysis/api/contracts/attribution.ts';
import { ErrorBox } from '../../app/ErrorBox.tsx';
import { Chart } from '../../components/charts/Chart.tsx';
import { ExportMenu } from '../../components/charts/ExportMenu.tsx';
import type { ExportColumn } from '../../lib/csv.ts';
import { formatValue } from '../../lib/format.ts';
import { columnLabel, fixed, pText } from './attribution-view.ts';
import { useRun } from './use-run.ts';

type Mode = 'auto' | 'optimal' | 'strata' | 'equal' | 'quantile' | 'natural' | 'geometric' | 'sd';
const MODES: Mode[] = ['auto', 'optimal', 'strata', 'equal', 'quantile', 'natural', 'geometric', 'sd'];
const SKIP = /^(source_row|sample_id|soil_sample_id|lon|lat|sampled_on|.*_original)$/;

interface FactorChoice {
  key: string;
  label: string;
  spec:
    | { source: 'column'; column: string }
    | { source: 'distance'; emissionDatasetId: string; industry: string };
}

function toSpec(choice: FactorChoice, mode: Mode, classes: number): GeoFactorSpec {
  const discretization =
    mode === 'auto'
      ? undefined
      : mode === 'optimal'
        ? { kind: 'optimal' as const }
        : mode === 'strata'
          ? { kind: 'strata' as const }
          : { kind: 'fixed' as const, method: mode, classes };
  return discretization ? { ...choice.spec, discretization } : choice.spec;
}

/** GeoDetector: factor q with p, interaction matrix with kinds, risk stratum means, ecological table. */
export function GeoDetectorPanel({
  dataset,
  numericColumns,
  options,
}: {
  dataset: DatasetInfo;
  numericColumns: string[];
  options: AttributionOptions | null;
}) {
  const { t: tr, i18n } = useTranslation('attribution');
  const lang = i18n.language;
  const [y, setY] = useState('');
  const [chosen, setChosen] = useState<Record<string, { on: boolean; mode: Mode; classes: number }>>({});
  const [riskFactor, setRiskFactor] = useState('');
  const { result, busy, error, run } = useRun('attribution.geodetector');

  useEffect(() => {
    setY(numericColumns.includes('cd_mg_kg') ? 'cd_mg_kg' : (numericColumns[0] ?? ''));
  }, [numericColumns]);

  const industryLabel = useCallback((code: string) => tr(`industry.${code}`, { defaultValue: code }), [tr]);
  const choices = useMemo<FactorChoice[]>(() => {
    const columns = dataset.columns
      .filter((c) => !SKIP.test(c.name) && c.name !== y && !/_mg_kg$/.test(c.name))
      .map((c) => ({
        key: c.name,
        label: tr(`column.${c.name}`, { defaultValue: c.name }),
        spec: { source: 'column' as const, column: c.name },
      }));
    const distances = (options?.industries ?? []).flatMap((e) =>
      e.industries.map((i) => ({
        key: `dist:${e.datasetId}:${i.code}`,
        label: tr('geo.distanceTo', { industry: industryLabel(i.code), n: i.count }),
        spec: { source: 'distance' as const, emissionDatasetId: e.datasetId, industry: i.code },
      })),
    );
    return [...columns, ...distances];
  }, [dataset, y, options, tr, industryLabel]);

  // Defaults until the user ticks otherwise: land use, pH and the distance to non-ferrous smelters.
  const state = (key: string) =>
    chosen[key] ?? {
      on: key === 'land_use' || key === 'ph' || key.endsWith(':nonferrous_smelting'),
      mode: 'auto' as Mode,
      classes: 5,
    };
  const update = (key: string, patch: Partial<{ on: boolean; mode: Mode; classes: number }>) =>
    setChosen((c) => ({ ...c, [key]: { ...state(key), ...patch } }));
  const selected = choices.filter((c) => state(c.key).on);
  const labelOf = useCallback(
    (name: string) => {
      const m = /^dist_(.+)_km$/.exec(name);
      return m
        ? tr('geo.distanceShort', { industry: industryLabel(m[1]) })
        : tr(`column.${name}`, { defaultValue: name });
    },
    [tr, industryLabel],
  );

  const charts = useMemo(() => {
    if (!result) return null;
    const d = result.detectors;
    const names = result.factorNames.map(labelOf);
    const qBar = {
      data: [
        {
          type: 'bar',
          x: names,
          y: d.factors.map((f) => f.q),
          text: d.factors.map((f) => `q ${fixed(f.q)}<br>p ${pText(f.p)}`),
          textposition: 'outside',
          marker: { color: d.factors.map((f) => (f.p < 0.05 ? '#1f4e79' : '#9aa0a6')) },
          hovertemplate: '%{x}: %{text}<extra></extra>',
        },
      ],
      layout: {
        title: { text: tr('geo.qTitle', { y: columnLabel(result.y) }) },
        yaxis: {
          title: { text: tr('geo.q') },
          rangemode: 'tozero',
          range: [0, Math.min(1, Math.max(...d.factors.map((f) => f.q)) * 1.3 + 0.02)],
        },
        xaxis: { automargin: true },
      },
      exportData: [
        { name: tr('geo.factor'), values: names },
        { name: 'q', values: d.factors.map((f) => f.q) },
        { name: 'p', values: d.factors.map((f) => f.p) },
        { name: tr('geo.strata'), values: d.factors.map((f) => f.strata) },
        { name: 'n', values: d.factors.map((f) => f.n) },
      ] as ExportColumn[],
    };
    const k = names.length;
    const z: (number | null)[][] = Array.from({ length: k }, () => new Array<number | null>(k).fill(null));
    const text: string[][] = Array.from({ length: k }, () => new Array<string>(k).fill(''));
    d.factors.forEach((f, i) => {
      z[i][i] = f.q;
      text[i][i] = fixed(f.q);
    });
    for (const it of d.interactions) {
      const i = result.factorNames.indexOf(it.a);
      const j = result.factorNames.indexOf(it.b);
      z[j][i] = it.q;
      text[j][i] = `${fixed(it.q)}<br>${tr(`kind.${it.kind}`)}`;
    }
    const interaction = {
      data: [
        {
          type: 'heatmap',
          x: names,
          y: names,
          z,
          text,
          texttemplate: '%{text}',
          textfont: { size: 10 },
          zmin: 0,
          zmax: 1,
          colorscale: 'YlOrRd',
          reversescale: true,
          colorbar: { title: { text: 'q' }, thickness: 12 },
          hovertemplate: '%{y} ∩ %{x}: %{text}<extra></extra>',
        },
      ],
      layout: {
        title: { text: tr('geo.interactionTitle') },
        yaxis: { autorange: 'reversed', automargin: true },
        xaxis: { automargin: true },
      },
      exportData: [
        { name: 'a', values: d.interactions.map((i) => labelOf(i.a)) },
        { name: 'b', values: d.interactions.map((i) => labelOf(i.b)) },
        { name: 'q(a∩b)', values: d.interactions.map((i) => i.q) },
        { name: 'q(a)', values: d.interactions.map((i) => i.qA) },
        { name: 'q(b)', values: d.interactions.map((i) => i.qB) },
        { name: tr('geo.kind'), values: d.interactions.map((i) => tr(`kind.${i.kind}`)) },
      ] as ExportColumn[],
    };
    return { qBar, interaction };
  }, [result, tr, labelOf]);

  const risk = result?.detectors.risk.find((r) => r.x === riskFactor) ?? result?.detectors.risk[0] ?? null;
  const riskExport: ExportColumn[] = risk
    ? [
        { name: tr('geo.stratum'), values: risk.means.map((m) => m.level) },
        { name: 'n', values: risk.means.map((m) => m.n) },
        { name: tr('geo.meanY'), values: risk.means.map((m) => m.mean) },
      ]
    : [];
  const discretization = (x: string) => {
    const d = result?.discretizations.find((v) => v.x === x);
    if (!d || d.kind === 'strata') return tr('geo.asStrata');
    return `${tr(`method.${d.method}`)} × ${d.classes}${d.kind === 'optimal' ? ` (${tr('geo.optimal')})` : ''}`;
  };

  return (
    <section className="panel" data-testid="attribution-geodetector">
      <div className="attribution-form">
        <label>
          <span>{tr('geo.y')}</span>
          <select value={y} data-testid="geo-y" onChange={(e) => setY(e.target.value)}>
            {numericColumns.map((c) => (
              <option key={c} value={c}>
                {columnLabel(c)}
              </option>
            ))}
          </select>
        </label>
        <button
          type="button"
          className="primary"
          data-testid="attribution-run-geodetector"
          disabled={busy || selected.length === 0 || !y}
          onClick={() =>
            run({
              datasetId: dataset.id,
              y,
              factors: selected.map((c) => toSpec(c, state(c.key).mode, state(c.key).classes)),
            })
          }
        >
          {busy ? tr('running') : tr('run')}
        </button>
      </div>
      <fieldset className="attribution-variables attribution-factors">
        <legend>{tr('geo.factors')}</legend>
        <div className="attribution-factor-list">
          {choices.map((c) => {
            const s = state(c.key);
            const fixedMethod = s.mode !== 'auto' && s.mode !== 'optimal' && s.mode !== 'strata';
            return (
              <div key={c.key} className="factor">
                <label className="check">
                  <input
                    type="checkbox"
                    checked={s.on}
                    data-testid={`geo-factor-${c.key.replaceAll(':', '-')}`}
                    onChange={(e) => update(c.key, { on: e.target.checked })}
                  />
                  {c.label}
                </label>
                {s.on && (
                  <select value={s.mode} onChange={(e) => update(c.key, { mode: e.target.value as Mode })}>
                    {MODES.map((m) => (
                      <option key={m} value={m}>
                        {tr(`method.${m}`)}
                      </option>
                    ))}
                  </select>
                )}
                {s.on && fixedMethod && (
                  <input
                    type="number"
                    min={2}
                    max={20}
                    value={s.classes}
                    aria-label={tr('geo.classes')}
                    onChange={(e) => update(c.key, { classes: Math.max(2, Number(e.target.value) || 2) })}
                  />
                )}
              </div>
            );
          })}
        </div>
      </fieldset>
      {error !== null && <ErrorBox error={error} />}
      {result && charts && (
        <>
          <div className="attribution-charts">
            <Chart
              testId="geo-q-chart"
              data={charts.qBar.data}
              layout={charts.qBar.layout}
              exportName={`geodetector-q-${columnLabel(result.y)}`}
              exportData={charts.qBar.exportData}
              height={400}
            />
            {result.factorNames.length > 1 && (
              <Chart
                testId="geo-interaction-chart"
                data={charts.interaction.data}
                layout={charts.interaction.layout}
                exportName={`geodetector-interaction-${columnLabel(result.y)}`}
                exportData={charts.interaction.exportData}
                height={400}
              />
            )}
          </div>
          <div className="panel-header">
            <h2>{tr('geo.factorTable', { n: result.n })}</h2>
            <ExportMenu name="geodetector-factors" data={charts.qBar.exportData} disabled={false} />
          </div>
          <table className="grid compact" data-testid="geo-factor-table">
            <thead>
              <tr>
                <th>{tr('geo.factor')}</th>
                <th className="num">q</th>
                <th className="num">p</th>
                <th className="num">{tr('geo.strata')}</th>
                <th className="num">n</th>
                <th>{tr('geo.discretization')}</th>
              </tr>
            </thead>
            <tbody>
              {result.detectors.factors.map((f) => (
                <tr key={f.x} data-testid={`geo-factor-row-${f.x}`}>
                  <th scope="row">{labelOf(f.x)}</th>
                  <td className="num" data-key="q">
                    {fixed(f.q, 4)}
                  </td>
                  <td className="num" data-key="p">
                    {pText(f.p)}
                  </td>
                  <td className="num">{f.strata}</td>
                  <td className="num">{f.n}</td>
                  <td>{discretization(f.x)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {result.detectors.interactions.length > 0 && (
            <>
              <h2>{tr('geo.interactionTable')}</h2>
              <table className="grid compact" data-testid="geo-interaction-table">
                <thead>
                  <tr>
                    <th>a ∩ b</th>
                    <th className="num">q(a∩b)</th>
                    <th className="num">q(a)</th>
                    <th className="num">q(b)</th>
                    <th>{tr('geo.kind')}</th>
                  </tr>
                </thead>
                <tbody>
                  {result.detectors.interactions.map((i) => (
                    <tr key={`${i.a}|${i.b}`} data-testid={`geo-interaction-${i.a}-${i.b}`}>
                      <th scope="row">
                        {labelOf(i.a)} ∩ {labelOf(i.b)}
                      </th>
                      <td className="num" data-key="q">
                        {fixed(i.q, 4)}
                      </td>
                      <td className="num">{fixed(i.qA, 4)}</td>
                      <td className="num">{fixed(i.qB, 4)}</td>
                      <td data-key="kind">{tr(`kind.${i.kind}`)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
              <h2>{tr('geo.ecologicalTable')}</h2>
              <table className="grid compact" data-testid="geo-ecological-table">
                <thead>
                  <tr>
                    <th>a / b</th>
                    <th className="num">F</th>
                    <th className="num">{tr('geo.critical')}</th>
                    <th>{tr('geo.significant')}</th>
                    <th>{tr('geo.stronger')}</th>
                  </tr>
                </thead>
                <tbody>
                  {result.detectors.ecological.map((e) => (
                    <tr key={`${e.a}|${e.b}`}>
                      <th scope="row">
                        {labelOf(e.a)} / {labelOf(e.b)}
                      </th>
                      <td className="num">{fixed(e.f)}</td>
                      <td className="num">{fixed(e.critical)}</td>
                      <td>{e.significant ? tr('yes') : tr('no')}</td>
                      <td>{labelOf(e.stronger)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </>
          )}
          {risk && (
            <>
              <div className="panel-header">
                <h2>{tr('geo.riskTitle')}</h2>
                <select
                  value={risk.x}
                  data-testid="geo-risk-factor"
                  onChange={(e) => setRiskFactor(e.target.value)}
                >
                  {result.factorNames.map((x) => (
                    <option key={x} value={x}>
                      {labelOf(x)}
                    </option>
                  ))}
                </select>
                <ExportMenu name={`geodetector-risk-${risk.x}`} data={riskExport} disabled={false} />
              </div>
              <table className="grid compact" data-testid="geo-risk-table">
                <thead>
                  <tr>
                    <th>{tr('geo.stratum')}</th>
                    <th className="num">n</th>
                    <th className="num">{tr('geo.meanY')}</th>
                    <th>{tr('geo.differsFrom')}</th>
                  </tr>
                </thead>
                <tbody>
                  {risk.means.map((m) => (
                    <tr key={m.level}>
                      <th scope="row">{tr(`landUse.${m.level}`, { defaultValue: m.level })}</th>
                      <td className="num">{m.n}</td>
                      <td className="num">{formatValue(m.mean, lang)}</td>
                      <td>
                        {risk.comparisons
                          .filter((c) => c.significant && (c.a === m.level || c.b === m.level))
                          .map((c) =>
                            tr(`landUse.${c.a === m.level ? c.b : c.a}`, {
                              defaultValue: c.a === m.level ? c.b : c.a,
                            }),
                          )
                          .join(', ')}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </>
          )}
          <p className="footnote muted">{tr('geo.footnote')}</p>
        </>
      )}
    </section>
  );
}
