import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DatasetInfo } from '../../../analysis/api/contract.ts';
import type { AssessmentRunParams, ExposureSetShape } from '../../../analysis/api/contracts/assessment.ts';
import type { ExposureParameters } from '../../../analysis/methods/assessment/standards/health-risk-parameters.ts';
import { DatasetPicker } from '../../components/DatasetPicker.tsx';
import { pick } from '../../i18n/index.ts';

export type RiMode = 'hakanson' | 'rescaled' | 'custom';

export interface AssessmentForm {
  datasetId: string;
  cropDatasetId: string;
  standard: 'gb15618' | 'gb36600-1' | 'gb36600-2' | 'user';
  userStandard: { name: string; json: unknown } | null;
  background: 'national' | 'user';
  userBackground: { name: string; json: unknown } | null;
  piReference: 'screening' | 'background';
  riMode: RiMode;
  riCustom: [number, number, number];
  efReference: string;
  healthParameters: string;
  exposure: { child: Partial<ExposureParameters>; adult: Partial<ExposureParameters> };
}

export interface AssessmentOptions {
  standards: { id: string; version: string; name: { zh: string; en: string }; kind: string }[];
  background: {
    id: string;
    name: { zh: string; en: string };
    source: string;
    values: Record<string, number>;
  };
  exposureSets: ExposureSetShape[];
  riBands: number[];
  efReferences: string[];
  foodTable: { id: string; version: string; source: string };
}

/** The form as API params (user tables only when chosen; exposure edits only where they differ). */
export function formParams(form: AssessmentForm): AssessmentRunParams {
  const params: AssessmentRunParams = {
    datasetId: form.datasetId,
    standard: form.standard,
    background: form.background,
    piReference: form.piReference,
    riBands: form.riMode === 'custom' ? form.riCustom : form.riMode,
    healthParameters: form.healthParameters,
  };
  if (form.cropDatasetId) params.cropDatasetId = form.cropDatasetId;
  if (form.standard === 'user') params.userStandard = form.userStandard?.json;
  if (form.background === 'user') params.userBackground = form.userBackground?.json;
  if (form.efReference) params.efReference = form.efReference;
  const { child, adult } = form.exposure;
  if (Object.keys(child).length || Object.keys(adult).length) params.exposure = { child, adult };
  return params;
}

export const EXPOSURE_KEYS: (keyof ExposureParameters)[] = [
  'ingestionRate',
  'exposureFrequency',
  'exposureDuration',
  'bodyWeight',
  'averagingTimeCancer',
  'inhalationRate',
  'particleEmissionFactor',
  'skinArea',
  'adherenceFactor',
  'dermalAbsorption',
];

interface OptionsPanelProps {
  options: AssessmentOptions;
  soilSets: DatasetInfo[];
  cropSets: DatasetInfo[];
  form: AssessmentForm;
  onChange(form: AssessmentForm): void;
  onRun(): void;
  busy: boolean;
}

async function readJsonFile(file: File): Promise<unknown> {
  const text = await file.text();
  return JSON.parse(text.replace(/^\uFEFF/, ''));
}

export function OptionsPanel({
  options,
  soilSets,
  cropSets,
  form,
  onChange,
  onRun,
  busy,
}: OptionsPanelProps) {
  const { t: tr, i18n } = useTranslation('assessment');
  const lang = i18n.language;
  const [fileError, setFileError] = useState<string | null>(null);
  const set = (patch: Partial<AssessmentForm>) => onChange({ ...form, ...patch });
  const base = options.exposureSets.find((s) => s.id === form.healthParameters) ?? options.exposureSets[0];

  const loadJson = (file: File | undefined, apply: (value: { name: string; json: unknown }) => void) => {
    if (!file) return;
    setFileError(null);
    readJsonFile(file)
      .then((json) => apply({ name: file.name, json }))
      .catch((e: unknown) => setFileError(tr('options.badJson', { file: file.name, message: String(e) })));
  };

  const exposureValue = (population: 'child' | 'adult', key: keyof ExposureParameters) =>
    form.exposure[population][key] ?? base?.[population][key] ?? 0;
  const setExposure = (population: 'child' | 'adult', key: keyof ExposureParameters, value: number) => {
    const next = { ...form.exposure[population] };
    if (!Number.isFinite(value) || value <= 0 || value === base?.[population][key]) delete next[key];
    else next[key] = value;
    set({ exposure: { ...form.exposure, [population]: next } });
  };
  const edited = Object.keys(form.exposure.child).length + Object.keys(form.exposure.adult).length;

  return (
    <section className="panel" data-testid="assessment-options">
      <div className="panel-header">
        <h2>{tr('options.title')}</h2>
        <button
          type="button"
          className="primary"
          data-testid="assessment-run"
          disabled={busy || !form.datasetId || (form.standard === 'user' && !form.userStandard)}
          onClick={onRun}
        >
          {busy ? tr('options.running') : tr('options.run')}
        </button>
      </div>
      <div className="assessment-options">
        <DatasetPicker
          datasets={soilSets}
          value={form.datasetId}
          label={tr('options.soil')}
          testId="assessment-dataset"
          onChange={(id) => set({ datasetId: id })}
        />
        <DatasetPicker
          datasets={cropSets}
          value={form.cropDatasetId}
          label={tr('options.crop')}
          testId="assessment-crop-dataset"
          allowNone
          onChange={(id) => set({ cropDatasetId: id })}
        />
        <label>
          <span>{tr('options.standard')}</span>
          <select
            value={form.standard}
            data-testid="assessment-standard"
            onChange={(e) => set({ standard: e.target.value as AssessmentForm['standard'] })}
          >
            {options.standards.map((s) => (
              <option key={s.id} value={s.id}>
                {s.version} · {pick(s.name, lang)}
              </option>
            ))}
            <option value="user">{tr('options.userStandard')}</option>
          </select>
        </label>
        {form.standard === 'user' && (
          <label>
            <span>{tr('options.standardFile')}</span>
            <input
              type="file"
              accept=".json,application/json"
              data-testid="assessment-standard-file"
              onChange={(e) => loadJson(e.target.files?.[0], (v) => set({ userStandard: v }))}
            />
          </label>
        )}
        <label>
          <span>{tr('options.background')}</span>
          <select
            value={form.background}
            data-testid="assessment-background"
            onChange={(e) => set({ background: e.target.value as AssessmentForm['background'] })}
          >
            <option value="national">{pick(options.background.name, lang)}</option>
            <option value="user">{tr('options.userBackground')}</option>
          </select>
        </label>
        {form.background === 'user' && (
          <label>
            <span>{tr('options.backgroundFile')}</span>
            <input
              type="file"
              accept=".json,application/json"
              data-testid="assessment-background-file"
              onChange={(e) => loadJson(e.target.files?.[0], (v) => set({ userBackground: v }))}
            />
          </label>
        )}
        <label>
          <span>{tr('options.piReference')}</span>
          <select
            value={form.piReference}
            data-testid="assessment-pi-reference"
            onChange={(e) => set({ piReference: e.target.value as AssessmentForm['piReference'] })}
          >
            <option value="screening">{tr('options.piScreening')}</option>
            <option value="background">{tr('options.piBackground')}</option>
          </select>
        </label>
        <label>
          <span>{tr('options.riBands')}</span>
          <select
            value={form.riMode}
            data-testid="assessment-ri-bands"
            onChange={(e) => set({ riMode: e.target.value as RiMode })}
          >
            <option value="hakanson">
              {tr('options.riHakanson', { bands: options.riBands.join(' / ') })}
            </option>
            <option value="rescaled">{tr('options.riRescaled')}</option>
            <option value="custom">{tr('options.riCustom')}</option>
          </select>
        </label>
        {form.riMode === 'custom' && (
          <div className="assessment-ri-custom">
            {form.riCustom.map((v, i) => (
              <input
                // biome-ignore lint/suspicious/noArrayIndexKey: three fixed band limits
                key={i}
                type="number"
                min={0}
                value={v}
                aria-label={tr('options.riLimit', { n: i + 1 })}
                onChange={(e) => {
                  const next = [...form.riCustom] as [number, number, number];
                  next[i] = Number(e.target.value);
                  set({ riCustom: next });
                }}
              />
            ))}
          </div>
        )}
        <label>
          <span>{tr('options.efReference')}</span>
          <select
            value={form.efReference}
            data-testid="assessment-ef-reference"
            onChange={(e) => set({ efReference: e.target.value })}
          >
            <option value="">{tr('options.noEf')}</option>
            {options.efReferences.map((e) => (
              <option key={e} value={e}>
                {e}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span>{tr('options.exposureSet')}</span>
          <select
            value={form.healthParameters}
            data-testid="assessment-exposure-set"
            onChange={(e) => set({ healthParameters: e.target.value, exposure: { child: {}, adult: {} } })}
          >
            {options.exposureSets.map((s) => (
              <option key={s.id} value={s.id}>
                {pick(s.name, lang)}
                {s.verify ? ` (${tr('options.verify')})` : ''}
              </option>
            ))}
          </select>
        </label>
      </div>
      {fileError && <div className="error-box">{fileError}</div>}
      {form.standard === 'user' && form.userStandard && (
        <p className="footnote muted">{tr('options.loaded', { file: form.userStandard.name })}</p>
      )}
      {form.background === 'user' && form.userBackground && (
        <p className="footnote muted">{tr('options.loaded', { file: form.userBackground.name })}</p>
      )}
      <details className="assessment-exposure" data-testid="assessment-exposure">
        <summary>
          {tr('options.editExposure')}
          {edited > 0 ? ` · ${tr('options.edited', { count: edited })}` : ''}
        </summary>
        <table className="grid">
          <thead>
            <tr>
              <th>{tr('param.name')}</th>
              <th className="num">{tr('population.child')}</th>
              <th className="num">{tr('population.adult')}</th>
            </tr>
          </thead>
          <tbody>
            {EXPOSURE_KEYS.map((key) => (
              <tr key={key}>
                <th scope="row">{tr(`param.${key}`)}</th>
                {(['child', 'adult'] as const).map((p) => (
                  <td key={p} className="num">
                    <input
                      type="number"
                      step="any"
                      min={0}
                      data-testid={`exposure-${p}-${key}`}
                      className={form.exposure[p][key] !== undefined ? 'edited' : undefined}
                      value={exposureValue(p, key)}
                      onChange={(e) => setExposure(p, key, Number(e.target.value))}
                    />
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
        <p className="footnote muted">{base?.source}</p>
      </details>
    </section>
  );
}
