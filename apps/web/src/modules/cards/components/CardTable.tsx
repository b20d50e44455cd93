import { Link } from 'react-router-dom';
import { useTranslation } from '../../../app/i18n';
import type { CardRowFragment, CardSortInput, CardSortField, StatusFieldsFragment } from '../../../graphql/generated/graphql';
import { ArrowDownIcon, ArrowUpIcon } from '../../../ui/icons';
import { columnByKey, customFieldIdOf } from '../utils/columns';
import { formatCustomValue, type ListCustomField } from '../utils/customFields';
import { formatDate, formatMoney } from '../utils/format';
import { NextTodo } from './NextTodo';

interface CardTableProps {
  items: readonly CardRowFragment[];
  /** Visible columns after the client column, in order. */
  columns: readonly string[];
  sort: CardSortInput | null;
  onSort: (field: CardSortField, customFieldId?: string) => void;
  statuses: Record<string, StatusFieldsFragment>;
  /** The pipeline's custom fields by id; a `field:<id>` column whose field is not here is not drawn. */
  customFields: ReadonlyMap<string, ListCustomField>;
  /** User id → name, for USER custom fields. */
  users: ReadonlyMap<string, string>;
  isSelected: (id: string) => boolean;
  onToggle: (id: string) => void;
  pageSelected: boolean;
  onTogglePage: () => void;
  busy: boolean;
}

function LabelList({ labels }: { labels: readonly { id: string; name: string }[] }) {
  if (labels.length === 0) return <span className="table__muted">—</span>;
  return (
    <span className="chip-list">
      {labels.map((label) => (
        <span key={label.id} className="chip">
          {label.name}
        </span>
      ))}
    </span>
  );
}

function isNumericKind(field: ListCustomField): boolean {
  return field.kind === 'NUMBER' || field.kind === 'MONEY';
}

export function CardTable(props: CardTableProps) {
  const { items, sort, onSort, statuses, customFields, users, isSelected, onToggle, pageSelected, onTogglePage, busy } = props;
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage;
  const columns = props.columns.filter((key) => {
    const fieldId = customFieldIdOf(key);
    return fieldId === null || customFields.has(fieldId);
  });

  const customHeader = (key: string, field: ListCustomField) => {
    const sorted = sort?.field === 'CUSTOM_FIELD' && sort.customFieldId === field.id ? sort.direction : null;
    return (
      <th
        key={key}
        scope="col"
        aria-sort={sorted === 'ASC' ? 'ascending' : sorted === 'DESC' ? 'descending' : 'none'}
        className={isNumericKind(field) ? 'table__numeric' : undefined}
      >
        <button type="button" className="sort-button" onClick={() => onSort('CUSTOM_FIELD', field.id)}>
          {field.label}
          {sorted === 'ASC' && <ArrowUpIcon />}
          {sorted === 'DESC' && <ArrowDownIcon />}
        </button>
      </th>
    );
  };

  const customCell = (card: CardRowFragment, key: string, field: ListCustomField) => {
    const value = (card.customValues as Record<string, unknown>)[field.id];
    const text = formatCustomValue(field.kind, value, { t, language, users });
    if (text === null) {
      return (
        <td key={key} className={isNumericKind(field) ? 'table__numeric' : undefined}>
          <span className="table__muted">—</span>
        </td>
      );
    }
    if (field.kind === 'TEXT' || field.kind === 'LONG_TEXT') {
      // Long text is cut to the column's width; the whole of it is in the tooltip.
      return (
        <td key={key}>
          <span className="table__truncate" title={text}>
            {text}
          </span>
        </td>
      );
    }
    return (
      <td key={key} className={isNumericKind(field) ? 'table__numeric' : undefined}>
        {field.kind === 'DATE' && typeof value === 'string' ? <time dateTime={value}>{text}</time> : text}
      </td>
    );
  };

  const header = (key: string) => {
    const fieldId = customFieldIdOf(key);
    const field = fieldId ? customFields.get(fieldId) : undefined;
    if (field) return customHeader(key, field);
    const column = columnByKey(key);
    const label = t(`cards.columns.${key}`);
    const sorted = column?.sort && sort?.field === column.sort ? sort.direction : null;
    const ariaSort = sorted === 'ASC' ? 'ascending' : sorted === 'DESC' ? 'descending' : column?.sort ? 'none' : undefined;
    return (
      <th key={key} scope="col" aria-sort={ariaSort} className={column?.numeric ? 'table__numeric' : undefined}>
        {column?.sort ? (
          <button type="button" className="sort-button" onClick={() => onSort(column.sort!)}>
            {label}
            {sorted === 'ASC' && <ArrowUpIcon />}
            {sorted === 'DESC' && <ArrowDownIcon />}
          </button>
        ) : (
          label
        )}
      </th>
    );
  };

  const cell = (card: CardRowFragment, key: string) => {
    const fieldId = customFieldIdOf(key);
    const field = fieldId ? customFields.get(fieldId) : undefined;
    if (field) return customCell(card, key, field);
    switch (key) {
      case 'status': {
        const status = statuses[card.statusId];
        return (
          <td key={key}>
            {status ? (
              <span className="status-pill" style={{ ['--status-color' as string]: status.color }}>
                {status.name}
              </span>
            ) : (
              '—'
            )}
          </td>
        );
      }
      case 'owner':
        return <td key={key}>{card.owner?.name ?? <span className="table__muted">{t('board.card.noOwner')}</span>}</td>;
      case 'value':
        return (
          <td key={key} className="table__numeric">
            {card.value != null ? formatMoney(card.value, card.currency, language) : <span className="table__muted">—</span>}
          </td>
        );
      case 'nextTodo':
        return (
          <td key={key}>
            <NextTodo todo={card.nextTodo} />
          </td>
        );
      case 'email':
        return <td key={key}>{card.client.emails[0] ?? <span className="table__muted">—</span>}</td>;
      case 'phone':
        return <td key={key}>{card.client.phones[0] ?? <span className="table__muted">—</span>}</td>;
      case 'department':
        return <td key={key}>{card.client.department?.name ?? <span className="table__muted">—</span>}</td>;
      case 'classification':
        return <td key={key}>{card.client.classification?.name ?? <span className="table__muted">—</span>}</td>;
      case 'categories':
        return (
          <td key={key}>
            <LabelList labels={card.client.categories} />
          </td>
        );
      case 'tags':
        return (
          <td key={key}>
            <LabelList labels={card.client.tags} />
          </td>
        );
      case 'createdAt':
        return (
          <td key={key} className="table__muted">
            <time dateTime={card.createdAt}>{formatDate(card.createdAt, language)}</time>
          </td>
        );
      case 'updatedAt':
        return (
          <td key={key} className="table__muted">
            <time dateTime={card.updatedAt}>{formatDate(card.updatedAt, language)}</time>
          </td>
        );
      default:
        return <td key={key} />;
    }
  };

  return (
    <div className={`table-wrap${busy ? ' table-wrap--busy' : ''}`} aria-busy={busy}>
      <table className="table table--dense">
        <caption className="visually-hidden">{t('cards.tableLabel')}</caption>
        <thead>
          <tr>
            <th scope="col" className="table__check">
              <input
                type="checkbox"
                className="checkbox"
                aria-label={t('cards.selection.page')}
                checked={pageSelected}
                onChange={onTogglePage}
              />
            </th>
            {header('client')}
            {columns.map(header)}
          </tr>
        </thead>
        <tbody>
          {items.map((card) => (
            <tr key={card.id} className={isSelected(card.id) ? 'table__row--selected' : undefined}>
              <td className="table__check">
                <input
                  type="checkbox"
                  className="checkbox"
                  aria-label={t('cards.selection.row', { name: card.client.name })}
                  checked={isSelected(card.id)}
                  onChange={() => onToggle(card.id)}
                />
              </td>
              <th scope="row" className="table__primary">
                <Link className="table__link" to={`/clients/${card.client.id}`}>
                  {card.client.name}
                </Link>
              </th>
              {columns.map((key) => cell(card, key))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
