import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ScenariosValidation } from '../../../analysis/api/contracts/scenarios.ts';
import { LAND_USE_LABELS, LAND_USES, type LandUse } from '../../../analysis/domain/land-use.ts';
import { SOIL_CLASS_LABELS } from '../../../analysis/methods/assessment/screening-class.ts';
import type { Measure } from '../../../analysis/methods/scenarios/index.ts';
import { pick } from '../../i18n/index.ts';
import { formatPercent, formatValue } from '../../lib/format.ts';
import {
  type ActionJson,
  asTriple,
  CRITERIA,
  type Criterion,
  formatJudgement,
  identityMatrix,
  parseJudgement,
  type ScenarioJson,
  type ScenarioSpecJson,
  setPairwise,
  type Triple,
} from './scenarios-view.ts';

type SoilClass = keyof typeof SOIL_CLASS_LABELS;
const CLASSES = Object.keys(SOIL_CLASS_LABELS).filter((c) => c !== 'unclassed') as SoilClass[];

interface EditorProps {
  file: ScenarioJson;
  onChange(file: ScenarioJson): void;
  measures: Measure[];
  validation: ScenariosValidation | null;
  zoneIds: string[];
}

const list = (text: string) =>
  text
    .split(/[,，\s]+/)
    .map((s) => s.trim())
    .filter(Boolean);

function NumberInput({
  value,
  onChange,
  step = 1,
  testId,
  width = 80,
  label,
}: {
  label?: string;
  value: number | undefined;
  onChange(v: number | undefined): void;
  step?: number;
  testId?: string;
  width?: number;
}) {
  const id = useId();
  const number = (extra: { id?: string }) => (
    <input
      {...extra}
      type="number"
      step={step}
      style={{ width }}
      value={value ?? ''}
      data-testid={testId}
      onChange={(e) => onChange(e.target.value === '' ? undefined : Number(e.target.value))}
    />
  );
  if (label === undefined) return number({});
  return (
    <span className="labelled">
      <label htmlFor={id}>{label}</label>
      {number({ id })}
    </span>
  );
}

export function RangeInputs({
  value,
  onChange,
  step = 0.01,
  testId,
}: {
  value: Triple;
  onChange(v: Triple): void;
  step?: number;
  testId?: string;
}) {
  const set = (k: number, v: number | undefined) => {
    const next: Triple = [...value];
    next[k] = v ?? 0;
    onChange(next);
  };
  return (
    <span className="range-inputs" data-testid={testId}>
      <NumberInput value={value[0]} onChange={(v) => set(0, v)} step={step} width={68} />
      <NumberInput value={value[1]} onChange={(v) => set(1, v)} step={step} width={68} />
      <NumberInput value={value[2]} onChange={(v) => set(2, v)} step={step} width={68} />
    </span>
  );
}

function MultiChoice<T extends string>({
  options,
  selected,
  label,
  onChange,
}: {
  options: readonly T[];
  selected: readonly T[] | undefined;
  label(option: T): string;
  onChange(next: T[] | undefined): void;
}) {
  const chosen = new Set(selected ?? []);
  return (
    <span className="multi-choice">
      {options.map((o) => (
        <label key={o} className={chosen.has(o) ? 'chip on' : 'chip'}>
          <input
            type="checkbox"
            checked={chosen.has(o)}
            onChange={(e) => {
              const next = options.filter((x) => (x === o ? e.target.checked : chosen.has(x)));
              onChange(next.length ? next : undefined);
            }}
          />
          {label(o)}
        </label>
      ))}
    </span>
  );
}

function ActionRow({
  action,
  index,
  measures,
  onChange,
  onRemove,
}: {
  action: ActionJson;
  index: number;
  measures: Measure[];
  onChange(a: ActionJson): void;
  onRemove(): void;
}) {
  const { t: tr, i18n } = useTranslation('scenarios');
  const lang = i18n.language;
  const measure = measures.find((m) => m.id === action.measure);
  const where = action.where ?? {};
  const setWhere = (patch: Partial<NonNullable<ActionJson['where']>>) => {
    const next = { ...where, ...patch };
    for (const key of Object.keys(next) as (keyof typeof next)[])
      if (next[key] === undefined) delete next[key];
    onChange({ ...action, where: Object.keys(next).length ? next : undefined });
  };
  const landUses = (measure?.landUses ?? LAND_USES) as readonly LandUse[];
  return (
    <tr data-testid={`scenarios-action-${index}`}>
      <td>
        <select value={action.measure} onChange={(e) => onChange({ ...action, measure: e.target.value })}>
          {!measure && <option value={action.measure}>{action.measure}</option>}
          {(['farmland', 'construction', 'source_control'] as const).map((cat) => (
            <optgroup key={cat} label={tr(`category.${cat}`)}>
              {measures
                .filter((m) => m.category === cat)
                .map((m) => (
                  <option key={m.id} value={m.id}>
                    {pick(m.name, lang)}
                  </option>
                ))}
            </optgroup>
          ))}
        </select>
      </td>
      <td className="action-target">
        {measure?.target === 'enterprise' ? (
          <>
            <label>
              {tr('editor.enterprises')}
              <input
                value={(action.enterprises ?? []).join(', ')}
                placeholder="QX-E01, …"
                onChange={(e) => onChange({ ...action, enterprises: list(e.target.value) })}
              />
            </label>
            <label>
              {tr('editor.industries')}
              <input
                value={(action.industries ?? []).join(', ')}
                onChange={(e) => {
                  const v = list(e.target.value);
                  onChange({ ...action, industries: v.length ? v : undefined });
                }}
              />
            </label>
          </>
        ) : (
          <>
            <div>
              <span className="muted">{tr('editor.landUses')}</span>
              <MultiChoice
                options={landUses}
                selected={where.landUses}
                label={(o) => pick(LAND_USE_LABELS[o], lang)}
                onChange={(v) => setWhere({ landUses: v })}
              />
            </div>
            <div>
              <span className="muted">{tr('editor.classes')}</span>
              <MultiChoice
                options={CLASSES}
                selected={where.classes}
                label={(o) => pick(SOIL_CLASS_LABELS[o], lang)}
                onChange={(v) => setWhere({ classes: v })}
              />
            </div>
            <div className="action-inline">
              <NumberInput
                label={tr('editor.minPH')}
                value={where.minPH}
                step={0.1}
                width={60}
                onChange={(v) => setWhere({ minPH: v })}
              />
              <NumberInput
                label={tr('editor.maxPH')}
                value={where.maxPH}
                step={0.1}
                width={60}
                onChange={(v) => setWhere({ maxPH: v })}
              />
              <NumberInput
                label={tr('editor.minCd')}
                value={where.minConcentration?.Cd}
                step={0.05}
                width={70}
                onChange={(v) =>
                  setWhere({
                    minConcentration: v === undefined ? undefined : { ...where.minConcentration, Cd: v },
                  })
                }
              />
              <label>
                {tr('editor.zones')}
                <input
                  value={(action.zones ?? []).join(', ')}
                  onChange={(e) => {
                    const v = list(e.target.value);
                    onChange({ ...action, zones: v.length ? v : undefined });
                  }}
                />
              </label>
            </div>
          </>
        )}
      </td>
      <td>
        {measure?.target === 'enterprise' ? (
          <RangeInputs
            value={asTriple(action.share, asTriple(measure.effects.emissionCut?.range))}
            onChange={(v) => onChange({ ...action, share: v })}
            testId={`scenarios-action-${index}-share`}
          />
        ) : (
          <span className="muted">—</span>
        )}
      </td>
      <td>
        <NumberInput
          value={action.startYear}
          width={70}
          onChange={(v) => onChange({ ...action, startYear: v })}
        />
      </td>
      <td>
        <NumberInput value={action.years} width={56} onChange={(v) => onChange({ ...action, years: v })} />
      </td>
      <td>
        <button type="button" className="small" onClick={onRemove} title={tr('editor.removeAction')}>
          ✕
        </button>
      </td>
    </tr>
  );
}

function WeightsEditor({ file, onChange, validation }: Omit<EditorProps, 'measures' | 'zoneIds'>) {
  const { t: tr, i18n } = useTranslation('scenarios');
  const lang = i18n.language;
  const ranking = file.ranking ?? {};
  const ahp = ranking.ahp;
  const mode = ahp ? 'ahp' : 'direct';
  const setRanking = (next: NonNullable<ScenarioJson['ranking']>) => onChange({ ...file, ranking: next });
  const weights: Partial<Record<Criterion, number>> = ranking.weights ?? {};
  const computed = validation?.ranking;
  const weightOf = (c: Criterion) => computed?.weights[CRITERIA.indexOf(c)];
  const criteria = (ahp?.criteria ?? [...CRITERIA]) as Criterion[];
  const matrix = ahp?.matrix ?? identityMatrix(criteria.length);
  return (
    <div className="panel" data-testid="scenarios-weights">
      <div className="panel-header">
        <h2>{tr('editor.ranking')}</h2>
        <label>
          {tr('editor.method')}
          <select
            value={ranking.method ?? 'topsis'}
            onChange={(e) => setRanking({ ...ranking, method: e.target.value as 'topsis' | 'weighted-sum' })}
          >
            <option value="topsis">TOPSIS</option>
            <option value="weighted-sum">{tr('editor.weightedSum')}</option>
          </select>
        </label>
        <label>
          <input
            type="radio"
            checked={mode === 'direct'}
            onChange={() => {
              const direct = Object.fromEntries(
                CRITERIA.map((c) => [c, Number((weightOf(c) ?? 1 / 6).toFixed(3))]),
              );
              setRanking({ method: ranking.method, weights: direct });
            }}
            data-testid="scenarios-weights-direct"
          />
          {tr('editor.direct')}
        </label>
        <label>
          <input
            type="radio"
            checked={mode === 'ahp'}
            onChange={() =>
              setRanking({
                method: ranking.method,
                ahp: { criteria: [...CRITERIA], matrix: identityMatrix(CRITERIA.length) },
              })
            }
            data-testid="scenarios-weights-ahp"
          />
          {tr('editor.ahp')}
        </label>
      </div>
      {mode === 'direct' ? (
        <table className="data-table compact">
          <thead>
            <tr>
              {CRITERIA.map((c) => (
                <th key={c}>{tr(`criterion.${c}`)}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            <tr>
              {CRITERIA.map((c) => (
                <td key={c}>
                  <NumberInput
                    value={weights[c] ?? 0}
                    step={0.05}
                    width={70}
                    onChange={(v) =>
                      setRanking({ ...ranking, weights: { ...weights, [c]: Math.max(0, v ?? 0) } })
                    }
                  />
                </td>
              ))}
            </tr>
            <tr className="muted">
              {CRITERIA.map((c) => (
                <td key={c}>{formatPercent(weightOf(c), lang)}</td>
              ))}
            </tr>
          </tbody>
        </table>
      ) : (
        <>
          <table className="data-table compact ahp-matrix" data-testid="scenarios-ahp-matrix">
            <thead>
              <tr>
                <th />
                {criteria.map((c) => (
                  <th key={c}>{tr(`criterion.${c}`)}</th>
                ))}
                <th>{tr('editor.weight')}</th>
              </tr>
            </thead>
            <tbody>
              {criteria.map((ci, i) => (
                <tr key={ci}>
                  <th>{tr(`criterion.${ci}`)}</th>
                  {criteria.map((cj, j) => (
                    <td key={cj}>
                      {j > i ? (
                        <input
                          defaultValue={formatJudgement(matrix[i][j])}
                          key={formatJudgement(matrix[i][j])}
                          style={{ width: 56 }}
                          data-testid={`ahp-${i}-${j}`}
                          onBlur={(e) => {
                            const v = parseJudgement(e.target.value);
                            if (v !== null && ahp)
                              setRanking({
                                ...ranking,
                                ahp: { ...ahp, matrix: setPairwise(matrix, i, j, v) },
                              });
                          }}
                        />
                      ) : (
                        <span className="muted">{formatJudgement(matrix[i][j])}</span>
                      )}
                    </td>
                  ))}
                  <td>{formatPercent(weightOf(ci), lang)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {computed?.ahp && (
            <div className={computed.ahp.consistent ? 'ok-box' : 'warn-box'} data-testid="scenarios-ahp-cr">
              {tr(computed.ahp.consistent ? 'editor.crOk' : 'editor.crBad', {
                cr: formatValue(computed.ahp.consistencyRatio, lang),
                lambda: formatValue(computed.ahp.lambdaMax, lang),
              })}
            </div>
          )}
        </>
      )}
    </div>
  );
}

export function ScenarioEditor({ file, onChange, measures, validation, zoneIds }: EditorProps) {
  const { t: tr } = useTranslation('scenarios');
  const [selected, setSelected] = useState(0);
  const scenarios = file.scenarios;
  const index = Math.min(selected, scenarios.length - 1);
  const current = scenarios[index];
  const setScenario = (k: number, next: ScenarioSpecJson) =>
    onChange({ ...file, scenarios: scenarios.map((s, i) => (i === k ? next : s)) });
  const setActions = (actions: ActionJson[]) => setScenario(index, { ...current, actions });
  const discount = file.discountRate ?? 0.08;

  return (
    <div className="scenarios-editor" data-testid="scenarios-editor">
      <div className="panel scenarios-general">
        <NumberInput
          label={tr('editor.startYear')}
          value={file.horizon.startYear}
          onChange={(v) =>
            onChange({ ...file, horizon: { ...file.horizon, startYear: v ?? file.horizon.startYear } })
          }
        />
        <NumberInput
          label={tr('editor.endYear')}
          value={file.horizon.endYear}
          onChange={(v) =>
            onChange({ ...file, horizon: { ...file.horizon, endYear: v ?? file.horizon.endYear } })
          }
        />
        <NumberInput
          label={tr('editor.discountRate')}
          value={Math.round(discount * 1000) / 10}
          step={0.5}
          testId="scenarios-discount"
          onChange={(v) => onChange({ ...file, discountRate: (v ?? 8) / 100 })}
        />
        <NumberInput
          label={tr('editor.targetYear')}
          value={file.target.year}
          onChange={(v) => onChange({ ...file, target: { ...file.target, year: v ?? file.target.year } })}
        />
        <NumberInput
          label={tr('editor.targetRate')}
          value={Math.round((file.target.rate ?? 0.95) * 1000) / 10}
          onChange={(v) => onChange({ ...file, target: { ...file.target, rate: (v ?? 95) / 100 } })}
        />
      </div>
      <div className="scenarios-split">
        <div className="panel scenario-list" data-testid="scenarios-list">
          <div className="panel-header">
            <h2>{tr('editor.scenarios')}</h2>
          </div>
          <ol>
            {scenarios.map((s, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: ids may repeat while being edited
              <li key={`${s.id}-${i}`}>
                <button
                  type="button"
                  className={i === index ? 'scenario-item active' : 'scenario-item'}
                  onClick={() => setSelected(i)}
                  data-testid={`scenarios-item-${i}`}
                >
                  <span className="mono">{s.id}</span>
                  <span>{s.name}</span>
                  <span className="muted">{tr('editor.actionCount', { count: s.actions.length })}</span>
                </button>
              </li>
            ))}
          </ol>
          <div className="row-buttons">
            <button
              type="button"
              className="small"
              data-testid="scenarios-add"
              onClick={() => {
                const id = `scenario-${scenarios.length + 1}`;
                onChange({ ...file, scenarios: [...scenarios, { id, name: id, actions: [] }] });
                setSelected(scenarios.length);
              }}
            >
              {tr('editor.add')}
            </button>
            <button
              type="button"
              className="small"
              onClick={() => {
                const copy = structuredClone(current);
                copy.id = `${current.id}-copy`;
                copy.name = `${current.name} (${tr('editor.copy')})`;
                onChange({ ...file, scenarios: [...scenarios, copy] });
                setSelected(scenarios.length);
              }}
            >
              {tr('editor.duplicate')}
            </button>
            <button
              type="button"
              className="small"
              disabled={scenarios.length <= 1}
              onClick={() => {
                onChange({ ...file, scenarios: scenarios.filter((_, i) => i !== index) });
                setSelected(Math.max(0, index - 1));
              }}
            >
              {tr('editor.remove')}
            </button>
          </div>
        </div>
        {current && (
          <div className="panel scenario-detail" data-testid="scenarios-detail">
            <div className="scenario-names">
              <label>
                {tr('editor.id')}
                <input
                  className="mono"
                  value={current.id}
                  onChange={(e) => setScenario(index, { ...current, id: e.target.value })}
                />
              </label>
              <label className="grow">
                {tr('editor.name')}
                <input
                  value={current.name}
                  onChange={(e) => setScenario(index, { ...current, name: e.target.value })}
                />
              </label>
            </div>
            <label className="block">
              {tr('editor.description')}
              <textarea
                rows={2}
                value={current.description ?? ''}
                onChange={(e) => setScenario(index, { ...current, description: e.target.value || undefined })}
              />
            </label>
            <table className="data-table compact actions-table">
              <thead>
                <tr>
                  <th>{tr('editor.measure')}</th>
                  <th>{tr('editor.appliesTo')}</th>
                  <th>{tr('editor.share')}</th>
                  <th>{tr('editor.actionStart')}</th>
                  <th>{tr('editor.actionYears')}</th>
                  <th />
                </tr>
              </thead>
              <tbody>
                {current.actions.map((a, k) => (
                  <ActionRow
                    // biome-ignore lint/suspicious/noArrayIndexKey: actions have no identity but their place
                    key={`${k}-${a.measure}`}
                    action={a}
                    index={k}
                    measures={measures}
                    onChange={(next) => setActions(current.actions.map((x, i) => (i === k ? next : x)))}
                    onRemove={() => setActions(current.actions.filter((_, i) => i !== k))}
                  />
                ))}
                {current.actions.length === 0 && (
                  <tr>
                    <td colSpan={6} className="muted">
                      {tr('editor.noActions')}
                    </td>
                  </tr>
                )}
              </tbody>
            </table>
            <div className="row-buttons">
              <button
                type="button"
                className="small"
                onClick={() =>
                  setActions([
                    ...current.actions,
                    { measure: 'lime', where: { landUses: ['paddy'], classes: ['safe_utilization'] } },
                  ])
                }
              >
                {tr('editor.addMeasure')}
              </button>
              <button
                type="button"
                className="small"
                onClick={() =>
                  setActions([
                    ...current.actions,
                    { measure: 'enterprise-emission-cut', enterprises: [], share: [0.4, 0.5, 0.6] },
                  ])
                }
              >
                {tr('editor.addSourceControl')}
              </button>
            </div>
            {zoneIds.length > 0 && (
              <details className="zone-ids">
                <summary>{tr('editor.zoneIdsTitle', { count: zoneIds.length })}</summary>
                <div className="mono muted">{zoneIds.join(', ')}</div>
              </details>
            )}
          </div>
        )}
      </div>
      <WeightsEditor file={file} onChange={onChange} validation={validation} />
    </div>
  );
}
