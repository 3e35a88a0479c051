import { useVirtualizer } from '@tanstack/react-virtual';
import type { Table } from 'apache-arrow';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isNumericColumn, numberColumn, textColumn } from '../../lib/arrow.ts';
import { formatInteger } from '../../lib/format.ts';
import { type ColumnValues, type FilterOp, tableIndex } from './table-index.ts';

const ROW_HEIGHT = 24;
const OPS: FilterOp[] = ['contains', 'eq', 'gt', 'ge', 'lt', 'le'];

interface DataTableProps {
  table: Table;
  /** Header label of a column (e.g. "Cd (mg/kg)"); defaults to the column name. */
  label?: (column: string) => string;
  onDrawn?: () => void;
}

/** A virtualised table over Arrow columns: only the visible rows exist in the DOM. */
export function DataTable({ table, label, onDrawn }: DataTableProps) {
  const { t, i18n } = useTranslation();
  const names = useMemo(() => table.schema.fields.map((f) => f.name), [table]);
  const numeric = useMemo(() => new Set(names.filter((n) => isNumericColumn(table, n))), [names, table]);
  const [sort, setSort] = useState<{ column: string; descending: boolean } | null>(null);
  // Filtering starts on the first text column (the sample or enterprise ID as a rule).
  const [filterColumn, setFilterColumn] = useState(
    () => names.find((n) => !numeric.has(n)) ?? names[0] ?? '',
  );
  const [filterOp, setFilterOp] = useState<FilterOp>('contains');
  const [filterValue, setFilterValue] = useState('');
  // Column arrays decoded once per table, on first use by a sort or filter.
  const values = useMemo(() => {
    const cache = new Map<string, ColumnValues>();
    return (column: string): ColumnValues | null => {
      if (!names.includes(column)) return null;
      let v = cache.get(column);
      if (!v) {
        v = numeric.has(column)
          ? { kind: 'number', values: numberColumn(table, column) ?? new Float64Array() }
          : { kind: 'text', values: textColumn(table, column) ?? [] };
        cache.set(column, v);
      }
      return v;
    };
  }, [table, names, numeric]);

  const index = useMemo(
    () =>
      tableIndex(
        table.numRows,
        filterValue ? values(filterColumn) : null,
        filterValue ? { op: filterOp, value: filterValue } : null,
        sort ? values(sort.column) : null,
        sort?.descending ?? false,
      ),
    [table, values, sort, filterColumn, filterOp, filterValue],
  );

  const scroller = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: index.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
  });

  useEffect(() => {
    if (onDrawn) requestAnimationFrame(() => onDrawn());
  }, [onDrawn]);

  const vectors = useMemo(() => names.map((n) => table.getChild(n)), [names, table]);
  // Fixed pixel widths keep the header and the absolutely placed rows in one grid.
  const widths = names.map((n) => (numeric.has(n) ? 96 : 132));
  const template = widths.map((w) => `${w}px`).join(' ');
  const totalWidth = widths.reduce((a, b) => a + b, 0);
  // Values as measured: no rounding beyond 6 decimals (coordinates), no digit grouping.
  const number = new Intl.NumberFormat(i18n.language, { maximumFractionDigits: 6, useGrouping: false });

  return (
    <div className="data-table" data-testid="data-table">
      <div className="form-row">
        <label>
          <span>{t('data.filter')}</span>
          <select value={filterColumn} onChange={(e) => setFilterColumn(e.target.value)}>
            {names.map((n) => (
              <option key={n} value={n}>
                {label ? label(n) : n}
              </option>
            ))}
          </select>
        </label>
        <select
          value={filterOp}
          aria-label={t('data.operator')}
          onChange={(e) => setFilterOp(e.target.value as FilterOp)}
        >
          {OPS.map((op) => (
            <option key={op} value={op}>
              {t(`data.op.${op}`)}
            </option>
          ))}
        </select>
        <input
          type="text"
          value={filterValue}
          placeholder={t('data.filterValue')}
          data-testid="table-filter"
          onChange={(e) => setFilterValue(e.target.value)}
        />
        <span className="muted" data-testid="table-count">
          {t('data.rowsShown', {
            shown: formatInteger(index.length, i18n.language),
            total: formatInteger(table.numRows, i18n.language),
          })}
        </span>
      </div>
      <div className="vt-scroll" ref={scroller}>
        <div className="vt-header" style={{ gridTemplateColumns: template, width: totalWidth }}>
          {names.map((n) => (
            <button
              type="button"
              key={n}
              className={numeric.has(n) ? 'vt-th num' : 'vt-th'}
              title={t('data.sortHint')}
              onClick={() =>
                setSort(
                  sort?.column === n
                    ? sort.descending
                      ? null
                      : { column: n, descending: true }
                    : { column: n, descending: false },
                )
              }
            >
              {label ? label(n) : n}
              {sort?.column === n ? (sort.descending ? ' ▼' : ' ▲') : ''}
            </button>
          ))}
        </div>
        <div style={{ height: virtualizer.getTotalSize(), width: totalWidth, position: 'relative' }}>
          {virtualizer.getVirtualItems().map((item) => {
            const row = index[item.index];
            return (
              <div
                key={item.key}
                className={item.index % 2 ? 'vt-row odd' : 'vt-row'}
                style={{
                  gridTemplateColumns: template,
                  width: totalWidth,
                  transform: `translateY(${item.start}px)`,
                  height: ROW_HEIGHT,
                }}
              >
                {vectors.map((vector, c) => {
                  const v: unknown = vector?.get(row);
                  const isNum = numeric.has(names[c]);
                  const text =
                    v === null || v === undefined
                      ? ''
                      : isNum && typeof v === 'number'
                        ? number.format(v)
                        : v instanceof Date
                          ? v.toISOString().slice(0, 10)
                          : String(v);
                  return (
                    <div key={names[c]} className={isNum ? 'vt-td num' : 'vt-td'}>
                      {text}
                    </div>
                  );
                })}
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}
