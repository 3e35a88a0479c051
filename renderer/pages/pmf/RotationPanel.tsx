import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PmfConstraint, PmfErrorParams, PmfStoredResult } from '../../../analysis/api/contracts/pmf.ts';
import { Chart } from '../../components/charts/Chart.tsx';
import { ExportMenu } from '../../components/charts/ExportMenu.tsx';
import { JobProgress } from '../../components/jobs/JobProgress.tsx';
import { useJob } from '../../components/jobs/use-job.ts';
import type { ExportColumn } from '../../lib/csv.ts';
import { formatInteger, formatValue } from '../../lib/format.ts';
import { logFloor, parseStrengths, percentOfSpecies } from './pmf-view.ts';
import { profileChart } from './profile-chart.ts';

interface Props {
  result: PmfStoredResult;
  label(h: number): string;
  onUpdated(result: PmfStoredResult): void;
  onError(error: unknown): void;
}

type Kind = PmfConstraint['kind'];
interface Draft {
  matrix: 'F' | 'G';
  factor: number;
  /** Species index (F) or sample index (G). */
  index: number;
  kind: Kind;
  value: string;
}

const KINDS: Kind[] = ['pullDown', 'pullUp', 'zero', 'value'];

/** Fpeak rotations, constrained runs and BS-DISP (EPA PMF 5.0 user guide §5.3, §6), as `pmf-errors` jobs. */
export function RotationPanel({ result, label, onUpdated, onError }: Props) {
  const { t: tr, i18n } = useTranslation('pmf');
  const lang = i18n.language;
  const k = result.factors;
  const [strengths, setStrengths] = useState('-0.5, 0.5');
  const [shown, setShown] = useState(0);
  const [drafts, setDrafts] = useState<Draft[]>([
    { matrix: 'F', factor: 0, index: 0, kind: 'pullDown', value: '' },
  ]);
  const [dQLimit, setDQLimit] = useState('');
  // BS-DISP re-fits DISP on each displaced bootstrap run (≈ 20 s per displaced run on 491 × 12, K = 4):
  // start small; the user raises it for the final report.
  const [bsDispRuns, setBsDispRuns] = useState(10);
  const fpeak = result.errors?.fpeak ?? null;
  const constrained = result.errors?.constraints ?? null;
  const bsDisp = result.errors?.bsDisp ?? null;

  const job = useJob<PmfStoredResult, PmfErrorParams>('pmf-errors', { onDone: onUpdated, onError });
  const { jobId, finished } = job;
  const start = (extra: Partial<PmfErrorParams>) =>
    job.start({ runId: result.runId, bootstrapRuns: 0, disp: false, ...extra });

  const runConstraints = () => {
    const constraints: PmfConstraint[] = drafts.map((d) => ({
      kind: d.kind,
      element:
        d.matrix === 'F'
          ? { matrix: 'F', factor: d.factor, species: d.index }
          : { matrix: 'G', factor: d.factor, sample: d.index },
      ...(d.kind === 'value' ? { value: Number(d.value) } : {}),
    }));
    const limit = Number(dQLimit);
    void start({ constraints, ...(dQLimit.trim() !== '' && limit > 0 ? { dQLimit: limit } : {}) });
  };
  const edit = (i: number, patch: Partial<Draft>) =>
    setDrafts((ds) => ds.map((d, j) => (j === i ? { ...d, ...patch } : d)));

  const describe = (c: PmfConstraint) =>
    c.element.matrix === 'F'
      ? `F · ${label(c.element.factor)} · ${result.species[c.element.species]}`
      : `G · ${label(c.element.factor)} · ${result.sampleIds[c.element.sample]}`;

  const chartsOf = useCallback(
    (profiles: number[][], prefix: string) => {
      const pct = percentOfSpecies(profiles);
      const floor = logFloor(profiles.flat());
      return profiles.map((conc, h) => ({
        name: `${prefix}-${h + 1}`,
        ...profileChart({
          species: result.species,
          conc,
          pctSpecies: pct[h],
          title: label(h),
          showLegend: h === 0,
          floor,
          tr,
        }),
      }));
    },
    [result.species, label, tr],
  );
  const rotation = fpeak?.[Math.min(shown, fpeak.length - 1)] ?? null;
  const fpeakCharts = useMemo(
    () => (rotation ? chartsOf(rotation.profiles, `pmf-fpeak-${rotation.strength}`) : []),
    [rotation, chartsOf],
  );
  const constrainedCharts = useMemo(
    () => (constrained ? chartsOf(constrained.profiles, 'pmf-constrained-profile') : []),
    [constrained, chartsOf],
  );

  const fpeakExport: ExportColumn[] = fpeak
    ? [
        { name: 'Fpeak φ', values: fpeak.map((r) => r.strength) },
        { name: 'Q(true)', values: fpeak.map((r) => r.qTrue) },
        { name: 'Q(robust)', values: fpeak.map((r) => r.qRobust) },
        { name: 'dQ', values: fpeak.map((r) => r.dQ) },
      ]
    : [];
  const constraintExport: ExportColumn[] = constrained
    ? [
        { name: tr('rot.element'), values: constrained.elements.map((e) => describe(e.constraint)) },
        {
          name: tr('rot.kind'),
          values: constrained.elements.map((e) => tr(`rot.kinds.${e.constraint.kind}`)),
        },
        { name: tr('rot.before'), values: constrained.elements.map((e) => e.before) },
        { name: tr('rot.after'), values: constrained.elements.map((e) => e.after) },
      ]
    : [];
  const bsDispExport: ExportColumn[] = bsDisp
    ? [
        { name: 'dQmax', values: bsDisp.levels },
        ...Array.from({ length: k }, (_, h) => ({
          name: label(h),
          values: bsDisp.swaps.map((row) => row[h]),
        })),
      ]
    : [];

  return (
    <div className="panel" data-testid="pmf-rotations">
      <div className="panel-header">
        <h2>{tr('rot.title')}</h2>
      </div>
      {jobId && <JobProgress jobId={jobId} label={tr('errors.running')} onFinished={finished} />}

      <div data-testid="pmf-fpeak">
        <div className="panel-header">
          <h3>{tr('rot.fpeakTitle')}</h3>
          {fpeak && <ExportMenu name="pmf-fpeak" data={fpeakExport} disabled={false} />}
        </div>
        <div className="pmf-toolbar">
          <label>
            <span>{tr('rot.strengths')}</span>
            <input
              value={strengths}
              data-testid="pmf-fpeak-strengths"
              onChange={(e) => setStrengths(e.target.value)}
            />
          </label>
          <button
            type="button"
            disabled={jobId !== null || parseStrengths(strengths).length === 0}
            data-testid="pmf-fpeak-run"
            onClick={() => {
              setShown(0);
              void start({ fpeak: parseStrengths(strengths) });
            }}
          >
            {tr('rot.runFpeak')}
          </button>
        </div>
        {fpeak && (
          <>
            <table className="data-table" data-testid="pmf-fpeak-table">
              <thead>
                <tr>
                  <th>φ</th>
                  <th>Q(true)</th>
                  <th>dQ</th>
                  <th>dQ/Q (%)</th>
                  <th>{tr('rot.show')}</th>
                </tr>
              </thead>
              <tbody>
                {fpeak.map((r, i) => (
                  <tr key={r.strength} data-strength={r.strength}>
                    <td className="num">{r.strength}</td>
                    <td className="num">{r.qTrue.toFixed(2)}</td>
                    <td className="num" data-testid={`pmf-fpeak-dq-${i}`}>
                      {r.dQ.toFixed(2)}
                    </td>
                    <td className="num">{formatValue((100 * r.dQ) / (r.qTrue - r.dQ), lang)}</td>
                    <td>
                      <input
                        type="radio"
                        name="pmf-fpeak-shown"
                        checked={rotation?.strength === r.strength}
                        onChange={() => setShown(i)}
                      />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
            <p className="muted">{tr('rot.fpeakNote')}</p>
            {rotation && (
              <>
                <h3>{tr('rot.rotatedProfiles', { phi: rotation.strength })}</h3>
                <div className="pmf-grid">
                  {fpeakCharts.map((c, h) => (
                    <Chart
                      key={c.name}
                      testId={`pmf-fpeak-profile-${h}`}
                      data={c.data}
                      layout={c.layout}
                      exportName={c.name}
                      exportData={c.exportData}
                      height={270}
                    />
                  ))}
                </div>
              </>
            )}
          </>
        )}
      </div>

      <div data-testid="pmf-constraints">
        <div className="panel-header">
          <h3>{tr('rot.constraintsTitle')}</h3>
          {constrained && <ExportMenu name="pmf-constraints" data={constraintExport} disabled={false} />}
        </div>
        <table className="data-table" data-testid="pmf-constraint-editor">
          <thead>
            <tr>
              <th>{tr('rot.matrix')}</th>
              <th>{tr('factor')}</th>
              <th>{tr('rot.speciesOrSample')}</th>
              <th>{tr('rot.kind')}</th>
              <th>{tr('rot.value')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {drafts.map((d, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: rows are positional drafts
              <tr key={i}>
                <td>
                  <select
                    value={d.matrix}
                    onChange={(e) => edit(i, { matrix: e.target.value as 'F' | 'G', index: 0 })}
                  >
                    <option value="F">{tr('rot.profileF')}</option>
                    <option value="G">{tr('rot.contributionG')}</option>
                  </select>
                </td>
                <td>
                  <select value={d.factor} onChange={(e) => edit(i, { factor: Number(e.target.value) })}>
                    {Array.from({ length: k }, (_, h) => (
                      // biome-ignore lint/suspicious/noArrayIndexKey: factors are positional
                      <option key={h} value={h}>
                        {label(h)}
                      </option>
                    ))}
                  </select>
                </td>
                <td>
                  <select value={d.index} onChange={(e) => edit(i, { index: Number(e.target.value) })}>
                    {(d.matrix === 'F' ? result.species : result.sampleIds).map((name, j) => (
                      // biome-ignore lint/suspicious/noArrayIndexKey: sample ids may repeat
                      <option key={j} value={j}>
                        {name}
                      </option>
                    ))}
                  </select>
                </td>
                <td>
                  <select value={d.kind} onChange={(e) => edit(i, { kind: e.target.value as Kind })}>
                    {KINDS.map((kind) => (
                      <option key={kind} value={kind}>
                        {tr(`rot.kinds.${kind}`)}
                      </option>
                    ))}
                  </select>
                </td>
                <td>
                  <input
                    type="number"
                    min={0}
                    step="any"
                    disabled={d.kind !== 'value'}
                    value={d.value}
                    onChange={(e) => edit(i, { value: e.target.value })}
                  />
                </td>
                <td>
                  <button
                    type="button"
                    disabled={drafts.length === 1}
                    onClick={() => setDrafts((ds) => ds.filter((_, j) => j !== i))}
                  >
                    {tr('rot.remove')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <div className="pmf-toolbar">
          <button
            type="button"
            onClick={() =>
              setDrafts((ds) => [...ds, { matrix: 'F', factor: 0, index: 0, kind: 'pullDown', value: '' }])
            }
          >
            {tr('rot.add')}
          </button>
          <label>
            <span>{tr('rot.dQLimit')}</span>
            <input
              type="number"
              min={0}
              step="any"
              placeholder={tr('rot.dQLimitDefault')}
              value={dQLimit}
              data-testid="pmf-dq-limit"
              onChange={(e) => setDQLimit(e.target.value)}
            />
          </label>
          <button
            type="button"
            disabled={
              jobId !== null ||
              drafts.some((d) => d.kind === 'value' && !(Number(d.value) >= 0 && d.value !== ''))
            }
            data-testid="pmf-constraints-run"
            onClick={runConstraints}
          >
            {tr('rot.runConstraints')}
          </button>
        </div>
        {constrained && (
          <>
            <p data-testid="pmf-constraints-summary">
              {tr('rot.constraintsSummary', {
                dQ: constrained.dQ.toFixed(2),
                limit: constrained.dQLimit.toFixed(2),
                q: constrained.qTrue.toFixed(2),
                base: constrained.qBase.toFixed(2),
              })}
            </p>
            <table className="data-table" data-testid="pmf-constraints-table">
              <thead>
                <tr>
                  <th>{tr('rot.element')}</th>
                  <th>{tr('rot.kind')}</th>
                  <th>{tr('rot.before')}</th>
                  <th>{tr('rot.after')}</th>
                </tr>
              </thead>
              <tbody>
                {constrained.elements.map((e, i) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: constraints are positional
                  <tr key={i}>
                    <td>{describe(e.constraint)}</td>
                    <td>
                      {tr(`rot.kinds.${e.constraint.kind}`)}
                      {e.constraint.kind === 'value' ? ` ${e.constraint.value}` : ''}
                    </td>
                    <td className="num">{formatValue(e.before, lang)}</td>
                    <td className="num">{formatValue(e.after, lang)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            <h3>{tr('rot.constrainedProfiles')}</h3>
            <div className="pmf-grid">
              {constrainedCharts.map((c, h) => (
                <Chart
                  key={c.name}
                  testId={`pmf-constrained-profile-${h}`}
                  data={c.data}
                  layout={c.layout}
                  exportName={c.name}
                  exportData={c.exportData}
                  height={270}
                />
              ))}
            </div>
          </>
        )}
      </div>

      <div className="panel-header">
        <h3>{tr('rot.bsDispTitle')}</h3>
        {bsDisp && <ExportMenu name="pmf-bs-disp" data={bsDispExport} disabled={false} />}
      </div>
      <div className="pmf-toolbar">
        <label>
          <span>{tr('errors.bootstrapRuns')}</span>
          <input
            type="number"
            min={1}
            max={1000}
            value={bsDispRuns}
            onChange={(e) => setBsDispRuns(Number(e.target.value))}
          />
        </label>
        <button
          type="button"
          disabled={jobId !== null || !(bsDispRuns >= 1)}
          data-testid="pmf-bsdisp-run"
          onClick={() => void start({ bsDisp: { runs: bsDispRuns, displacedRuns: Math.min(3, bsDispRuns) } })}
        >
          {tr('rot.runBsDisp')}
        </button>
      </div>
      {bsDisp && (
        <>
          <p>
            {tr('rot.bsDispSummary', {
              runs: bsDisp.bootstrapRuns,
              displaced: bsDisp.displacedRuns,
              skipped: bsDisp.skippedRuns,
              pct: formatValue(bsDisp.maxQDecreasePercent, lang),
            })}
          </p>
          <table className="data-table" data-testid="pmf-bsdisp-table">
            <thead>
              <tr>
                <th>dQmax</th>
                {Array.from({ length: k }, (_, h) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: factors are positional
                  <th key={h}>{label(h)}</th>
                ))}
              </tr>
            </thead>
            <tbody>
              {bsDisp.levels.map((level, i) => (
                <tr key={level}>
                  <td>{level}</td>
                  {bsDisp.swaps[i].map((c, h) => (
                    // biome-ignore lint/suspicious/noArrayIndexKey: factors are positional
                    <td key={h} className="num">
                      {formatInteger(c, lang)}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </div>
  );
}
