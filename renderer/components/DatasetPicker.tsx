import { useTranslation } from 'react-i18next';
import type { DatasetInfo } from '../../analysis/api/contract.ts';
import { formatInteger } from '../lib/format.ts';

interface DatasetPickerProps {
  datasets: DatasetInfo[];
  value: string | null;
  onChange(id: string): void;
  label: string;
  testId?: string;
  allowNone?: boolean;
}

export function DatasetPicker({ datasets, value, onChange, label, testId, allowNone }: DatasetPickerProps) {
  const { t, i18n } = useTranslation();
  return (
    <label>
      <span>{label}</span>
      <select value={value ?? ''} data-testid={testId} onChange={(e) => onChange(e.target.value)}>
        {allowNone && <option value="">{t('common.none')}</option>}
        {datasets.map((d) => (
          <option key={d.id} value={d.id}>
            {d.id} · {d.sourceFile} ({formatInteger(d.rows, i18n.language)})
          </option>
        ))}
      </select>
    </label>
  );
}
