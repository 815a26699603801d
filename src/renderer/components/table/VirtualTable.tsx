import { useVirtualizer } from '@tanstack/react-virtual';
import { useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useHost } from '../../state/store-context';
import { useTooltip } from '../Tooltip';
import { filterRows, rowsToCsv, shownText, sortRows, type Column, type SortOrder } from './columns';
import { SENTENCE_SHOWN_MAX } from '../../../core/util/clip-text';
import { ClippedText } from '../ClippedText';

const ROW_HEIGHT = 34;
const VISIBLE_ROWS = 14;

interface VirtualTableProps<T> {
  caption: string;
  columns: readonly Column<T>[];
  rows: readonly T[];
  /** File name (without .csv) offered when the table is exported. */
  exportName: string;
  /** Opens what is behind a row (Enter or double click); rows are not actionable without it. */
  onOpen?: (row: T) => void;
  /** What opening a row does, e.g. "Show the customers behind the selected rule". */
  openLabel?: string;
  initialSort?: SortOrder;
  emptyText: string;
}

/**
 * A results table that stays smooth with 100,000 rows: only the rows in view are drawn. Sort by a
 * column header, filter by text, move with the arrow keys, Enter opens the row, and every table
 * exports to CSV (all filtered rows, in the shown order).
 */
export function VirtualTable<T>({
  caption,
  columns,
  rows,
  exportName,
  onOpen,
  openLabel,
  initialSort = null,
  emptyText,
}: VirtualTableProps<T>) {
  const host = useHost();
  const id = useId();
  const scroller = useRef<HTMLDivElement>(null);
  const [query, setQuery] = useState('');
  const [order, setOrder] = useState<SortOrder>(initialSort);
  const [active, setActive] = useState(0);
  const [exported, setExported] = useState<string | null>(null);
  const shown = useMemo(
    () => sortRows(filterRows(rows, columns, query), columns, order),
    [rows, columns, query, order],
  );
  const virtualizer = useVirtualizer({
    count: shown.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
  });
  const template = columns.map((c) => c.width ?? '1fr').join(' ');
  const activeIndex = Math.min(active, Math.max(0, shown.length - 1));
  const explained = columns.filter((c) => c.explain);

  const sortBy = (key: string) =>
    setOrder((now) =>
      now?.key === key && now.direction === 'descending'
        ? { key, direction: 'ascending' }
        : { key, direction: 'descending' },
    );

  const move = (to: number) => {
    const next = Math.max(0, Math.min(shown.length - 1, to));
    setActive(next);
    virtualizer.scrollToIndex(next);
  };

  const onKeyDown = (event: KeyboardEvent) => {
    const page = VISIBLE_ROWS - 1;
    const keys: Record<string, () => void> = {
      ArrowDown: () => move(activeIndex + 1),
      ArrowUp: () => move(activeIndex - 1),
      PageDown: () => move(activeIndex + page),
      PageUp: () => move(activeIndex - page),
      Home: () => move(0),
      End: () => move(shown.length - 1),
      Enter: () => shown[activeIndex] !== undefined && onOpen?.(shown[activeIndex]),
    };
    const action = keys[event.key];
    if (!action) return;
    event.preventDefault();
    action();
  };

  const exportCsv = async () => {
    const saved = await host.saveExport({
      suggestedName: `${exportName}.csv`,
      mimeType: 'text/csv',
      data: rowsToCsv(shown, columns),
    });
    if (!saved.ok) setExported(`The table could not be saved: ${saved.error}`);
    else if (saved.value) setExported(`Saved ${shown.length.toLocaleString('en-US')} rows as ${saved.value.savedTo}.`);
  };

  return (
    <div className="vtable">
      <div className="vtable-tools">
        <label>
          Filter <input type="search" value={query} onChange={(e) => setQuery(e.target.value)} aria-controls={id} />
        </label>
        <span className="muted" data-testid="vtable-count" aria-live="polite">
          {shown.length === rows.length
            ? `${rows.length.toLocaleString('en-US')} rows`
            : `${shown.length.toLocaleString('en-US')} of ${rows.length.toLocaleString('en-US')} rows`}
        </span>
        <button type="button" onClick={() => void exportCsv()} disabled={shown.length === 0}>
          Export CSV…
        </button>
      </div>
      {exported && (
        <p className="muted" role="status">
          {exported}
        </p>
      )}
      <div id={id} role="table" aria-label={caption} aria-rowcount={shown.length + 1} className="vtable-grid">
        <div role="rowgroup">
          <div
            role="row"
            aria-rowindex={1}
            className="vtable-row vtable-head"
            style={{ gridTemplateColumns: template }}
          >
            {columns.map((column) => (
              <HeaderCell
                key={column.key}
                column={column}
                sorted={order?.key === column.key ? order.direction : undefined}
                onSort={() => sortBy(column.key)}
              />
            ))}
          </div>
        </div>
        {shown.length === 0 ? (
          <p className="empty">{query ? 'No rows match the filter.' : emptyText}</p>
        ) : (
          <div
            ref={scroller}
            role="rowgroup"
            tabIndex={0}
            aria-label={onOpen ? `${caption}: arrow keys move, Enter opens the selected row` : caption}
            aria-activedescendant={`${id}-row-${activeIndex}`}
            className="vtable-body"
            style={{ height: Math.min(shown.length, VISIBLE_ROWS) * ROW_HEIGHT + 2 }}
            onKeyDown={onKeyDown}
          >
            <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
              {virtualizer.getVirtualItems().map((item) => {
                const row = shown[item.index];
                return (
                  <div
                    key={item.key}
                    id={`${id}-row-${item.index}`}
                    role="row"
                    aria-rowindex={item.index + 2}
                    aria-selected={item.index === activeIndex}
                    className={`vtable-row${item.index === activeIndex ? ' active' : ''}${onOpen ? ' openable' : ''}`}
                    style={{
                      gridTemplateColumns: template,
                      height: ROW_HEIGHT,
                      transform: `translateY(${item.start}px)`,
                    }}
                    onClick={() => setActive(item.index)}
                    onDoubleClick={() => onOpen?.(row)}
                  >
                    {columns.map((column) => (
                      <Cell key={column.key} column={column} row={row} />
                    ))}
                  </div>
                );
              })}
            </div>
          </div>
        )}
      </div>
      {explained.length > 0 && shown[activeIndex] !== undefined && (
        <details className="vtable-explain" data-testid="vtable-explain">
          <summary>What the selected row’s numbers say</summary>
          <ul>
            {explained.map((column) => (
              <li key={column.key}>{column.explain!(shown[activeIndex])}</li>
            ))}
          </ul>
        </details>
      )}
      {onOpen && shown.length > 0 && (
        <div className="actions">
          <button type="button" onClick={() => onOpen(shown[activeIndex])}>
            {openLabel ?? 'Open the selected row'}
          </button>
        </div>
      )}
    </div>
  );
}

/** A sortable column header; its tooltip says what the column means. */
function HeaderCell<T>({
  column,
  sorted,
  onSort,
}: {
  column: Column<T>;
  sorted: 'ascending' | 'descending' | undefined;
  onSort: () => void;
}) {
  const { trigger, tip } = useTooltip(column.help);
  return (
    <div role="columnheader" aria-sort={sorted ?? 'none'} className={column.numeric ? 'num' : undefined}>
      <button type="button" className="link" onClick={onSort} {...trigger}>
        {column.label}
        <span aria-hidden="true">{sorted === 'ascending' ? ' ▲' : sorted === 'descending' ? ' ▼' : ''}</span>
      </button>
      {tip}
    </div>
  );
}

/** A cell; where the column explains its rows, the tooltip tells what this row's number says. */
function Cell<T>({ column, row }: { column: Column<T>; row: T }) {
  const { trigger, tip } = useTooltip(column.explain?.(row));
  return (
    <div role="cell" className={column.numeric ? 'num' : undefined} {...trigger}>
      <ClippedText text={shownText(column, row)} max={column.sentence ? SENTENCE_SHOWN_MAX : undefined} />
      {tip}
    </div>
  );
}
