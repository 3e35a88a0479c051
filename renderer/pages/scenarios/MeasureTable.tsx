import { useTranslation } from 'react-i18next';
import type { Measure } from '../../../analysis/methods/scenarios/index.ts';
import { pick } from '../../i18n/index.ts';
import { RangeInputs } from './ScenarioEditor.tsx';
import {
  effectiveFigure,
  measureSideEffects,
  type ScenarioJson,
  withMeasureFigure,
} from './scenarios-view.ts';

const FIELDS = ['cost', 'duration', 'carbon'] as const;

function SourceBadge({ source, estimate, edited }: { source?: string; estimate: boolean; edited: boolean }) {
  const { t: tr } = useTranslation('scenarios');
  if (edited) return <span className="tag edited">{tr('measures.edited')}</span>;
  if (source) {
    return (
      <span className="tag source" title={source}>
        {tr('measures.sourced')}
      </span>
    );
  }
  return estimate ? <span className="tag estimate">{tr('measures.estimate')}</span> : null;
}

/** The measure library: every figure a range with its source or an estimate badge; ranges editable. */
export function MeasureTable({
  file,
  measures,
  onChange,
}: {
  file: ScenarioJson;
  measures: Measure[];
  onChange(file: ScenarioJson): void;
}) {
  const { t: tr, i18n } = useTranslation('scenarios');
  const lang = i18n.language;
  return (
    <div className="panel scroll-x" data-testid="scenarios-measures">
      <p className="muted">{tr('measures.hint')}</p>
      <table className="data-table compact measure-table">
        <thead>
          <tr>
            <th>{tr('measures.name')}</th>
            <th>{tr('measures.category')}</th>
            <th>{tr('measures.metals')}</th>
            {FIELDS.map((f) => (
              <th key={f}>{tr(`measures.${f}`)}</th>
            ))}
            <th>{tr('measures.effects')}</th>
          </tr>
        </thead>
        <tbody>
          {measures.map((m) => (
            <tr key={m.id} data-testid={`measure-${m.id}`}>
              <td>
                {pick(m.name, lang)}
                <div className="mono muted">{m.id}</div>
              </td>
              <td>{tr(`category.${m.category}`)}</td>
              <td>{m.metals.join(' ')}</td>
              {FIELDS.map((f) => {
                const fig = effectiveFigure(file, m, f);
                return (
                  <td key={f} data-key={f}>
                    <RangeInputs
                      value={fig.range}
                      step={f === 'duration' ? 1 : 10}
                      onChange={(v) => onChange(withMeasureFigure(file, m, f, v))}
                    />
                    <div className="figure-meta">
                      <span className="muted">{fig.unit}</span>{' '}
                      <SourceBadge source={fig.source} estimate={fig.estimate} edited={fig.edited} />
                    </div>
                  </td>
                );
              })}
              <td className="effects">
                {Object.keys(m.effects)
                  .map((k) => tr(`effect.${k}`))
                  .join('；')}
                {m.secondaryEffects.length > 0 && (
                  <div className="muted" data-testid="measure-side-effects">
                    {measureSideEffects(m, lang).join(lang.startsWith('en') ? '; ' : '；')}
                  </div>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
