import type { TFunction } from '../../../app/i18n';
import { formatAmount } from '@crm/shared';
import type { HistoryEntryFieldsFragment, HistoryKind } from '../../../graphql/generated/graphql';
import { formatDateTime } from '../../../ui/datetime';

export const HISTORY_KINDS: readonly HistoryKind[] = ['TODO_DONE', 'STATUS', 'OWNER', 'FIELD', 'NOTE', 'EMAIL', 'DOCUMENT', 'MERGE'];

export interface HistoryLookups {
  /** Status id → name (every pipeline). */
  statuses: ReadonlyMap<string, string>;
  /** User id → name. */
  users: ReadonlyMap<string, string>;
  /** Pipeline id → name. */
  pipelines?: ReadonlyMap<string, string>;
  /** Category, classification, tag and department id → name (for entries stored before names were). */
  labels?: ReadonlyMap<string, string>;
  language?: string;
}

export interface HistoryChange {
  key: string;
  label: string;
  from: string;
  to: string;
}

export interface DescribedEntry {
  /** One line: what happened. */
  summary: string;
  /** The fields that changed, old → new, already readable. */
  changes: HistoryChange[];
  /** A note's text, shown under the summary. */
  body?: string;
  /** The email the entry is about, which History can open: one we sent (outbox) or one we received. */
  mail?: { kind: 'sent' | 'received'; id: string; subject?: string };
}

type Changes = Record<string, [unknown, unknown]>;

/** Entity and action pairs with their own sentence ("added a todo"); the rest read "Action · Entity". */
const SPECIFIC_SUMMARIES = new Set([
  'todo_create', 'todo_update', 'todo_delete', 'todo_todo_reopened',
  'contact_create', 'contact_update', 'contact_delete',
  'deal_create', 'deal_update', 'deal_delete',
  'card_create', 'card_delete', 'card_update', 'card_restore', 'client_create', 'client_update', 'client_delete', 'client_restore',
]);

const NEW_ITEM_ACTIONS = new Set(['create', 'queued', 'received']);

const HIDDEN_KEYS = new Set(['position', 'doneAt', 'mergedClientId', 'copiedFrom']);

/** Keys whose values are label ids. */
const LABEL_KEYS = new Set(['tagIds', 'categoryIds', 'addTag', 'addCategory', 'addTagId', 'addCategoryId', 'classificationId', 'departmentId', 'departmentIds']);
/** Keys whose values are lists of ids in an order: a new order reads as such, not as ids. */
const ORDER_KEYS = new Set(['order', 'statusOrder']);
const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

/** Enum values in words, by the key (and for `kind` and `state`, the entity) that holds them. */
function enumWord(key: string, value: string, entity: string | undefined, t: TFunction, language: string | undefined): string | null {
  const known = (k: string) => (t(k, { defaultValue: '' }) as string) || null;
  switch (key) {
    case 'role':
      return known(`roles.${value}`);
    case 'locale':
      try {
        return new Intl.DisplayNames(language, { type: 'language' }).of(value) ?? null;
      } catch {
        return null;
      }
    case 'kind':
      return entity === 'status' ? known(`statusKind.${value}`) : known(`fields.kinds.${value}`);
    case 'state':
      return entity === 'automation' ? known(`automations.state.${value}`) : known(`card.deals.states.${value}`);
    case 'steps':
      return known(`automations.kind.${value}`);
    default:
      return null;
  }
}

function isPair(value: unknown): value is [unknown, unknown] {
  return Array.isArray(value) && value.length === 2;
}

function readChanges(raw: unknown): Changes {
  const out: Changes = {};
  if (!raw || typeof raw !== 'object') return out;
  for (const [key, value] of Object.entries(raw as Record<string, unknown>)) {
    if (isPair(value)) out[key] = value;
  }
  return out;
}

/**
 * A stored value as a person reads it: ids become names, enums words, dates dates, money gets its
 * currency, nothing is "null". `entity` tells a field kind from a status kind.
 */
export function formatHistoryValue(key: string, value: unknown, t: TFunction, lookups: HistoryLookups, entity?: string): string {
  if (key === 'folder' && value === '') return t('card.documents.topFolder');
  if (value === null || value === undefined || value === '') return '—';
  if (ORDER_KEYS.has(key)) return t('card.history.newOrder');
  if (typeof value === 'boolean') return value ? t('card.common.yes') : t('card.common.no');
  if (typeof value === 'string') {
    if (key === 'statusId') return lookups.statuses.get(value) ?? t('card.history.unknownStatus');
    if (key === 'ownerId' || key === 'assigneeId' || key === 'actorId') return lookups.users.get(value) ?? t('card.history.unknownUser');
    if (key === 'pipelineId') return lookups.pipelines?.get(value) ?? t('card.history.unknownPipeline');
    if (LABEL_KEYS.has(key)) return lookups.labels?.get(value) ?? t('card.history.unknownLabel');
    if (ISO_TIME.test(value)) {
      const d = new Date(value);
      if (!Number.isNaN(d.getTime())) return formatDateTime(value, lookups.language);
    }
    const word = enumWord(key, value, entity, t, lookups.language);
    if (word) return word;
    if (key === 'amount' && /^-?\d+(\.\d+)?$/.test(value)) return new Intl.NumberFormat(lookups.language, { maximumFractionDigits: 2 }).format(Number(value));
    // A user picked in a USER custom field is stored as its id.
    if (lookups.users.has(value)) return lookups.users.get(value)!;
    return value;
  }
  if (typeof value === 'number') return new Intl.NumberFormat(lookups.language, { maximumFractionDigits: 2 }).format(value);
  if (Array.isArray(value)) return value.length === 0 ? '—' : value.map((v) => formatHistoryValue(key, v, t, lookups, entity)).join(', ');
  if (typeof value === 'object') {
    const money = value as { amount?: unknown; currency?: unknown };
    if (typeof money.amount === 'number' && typeof money.currency === 'string') {
      // In the reader's locale; cents are kept even in a currency written without them (HUF 1 250 000,50).
      return formatAmount(money.amount, money.currency, lookups.language);
    }
    // A saved filter or settings object: say it changed rather than print its internals.
    return t('card.history.changedSettings');
  }
  return String(value);
}

/**
 * One side of a change: the name stored with the entry when there is one (as it was called then),
 * else the value read through the lookups (entries written before names were stored).
 */
function displaySide(key: string, value: unknown, name: unknown, t: TFunction, lookups: HistoryLookups, entity: string): string {
  if (typeof name === 'string' && name) return name;
  if (Array.isArray(name) && Array.isArray(value) && value.length > 0) {
    return value.map((v, i) => (typeof name[i] === 'string' && name[i] ? (name[i] as string) : formatHistoryValue(key, v, t, lookups, entity))).join(', ');
  }
  return formatHistoryValue(key, value, t, lookups, entity);
}

function changeLabel(key: string, t: TFunction): string {
  if (key.startsWith('field:')) return key.slice('field:'.length);
  // A key we have no word for yet reads as words ("statusOrder" → "Status order"), never as code.
  const words = key.replace(/([a-z])([A-Z])/g, '$1 $2').replace(/_/g, ' ').toLowerCase();
  return t(`card.history.keys.${key}`, { defaultValue: words.charAt(0).toUpperCase() + words.slice(1) });
}

function first(changes: Changes, key: string, index: 0 | 1): string {
  const value = changes[key]?.[index];
  return typeof value === 'string' ? value : '';
}

/** What an automation step's run left behind, as the engine records it in `changes.result`. */
interface StepResult {
  todoId?: unknown;
  mailIds?: unknown;
  /** Why it was skipped or failed: a RunReason code, with its parameters. */
  code?: unknown;
  params?: { missing?: unknown };
}

/** "Automation “Follow-up”, step 2: todo created" (or skipped / failed, with the reason when known). */
function describeAutomationStep(entry: HistoryEntryFieldsFragment, changes: Changes, t: TFunction): DescribedEntry {
  const name = first(changes, 'automation', 1);
  const step = changes.step?.[1];
  const result = (changes.result?.[1] ?? {}) as StepResult;
  const missing = Array.isArray(result.params?.missing) ? result.params.missing.join(', ') : '';
  const reason = typeof result.code === 'string' && result.code ? t(`automations.runs.reasons.${result.code}`, { missing, defaultValue: '' }) || null : null;
  const mailIds = Array.isArray(result.mailIds) ? result.mailIds.filter((id): id is string => typeof id === 'string') : [];
  let outcome: string;
  if (entry.action === 'step_skipped') outcome = reason ? t('card.history.automation.skippedBecause', { reason }) : t('card.history.automation.skipped');
  else if (entry.action === 'step_failed') outcome = reason ? t('card.history.automation.failedBecause', { reason }) : t('card.history.automation.failed');
  else if (result.todoId) outcome = t('card.history.automation.todoCreated');
  else if (mailIds.length > 0) outcome = t('card.history.automation.emailsQueued', { count: mailIds.length });
  else outcome = t('card.history.automation.done');
  const summary = t('card.history.automation.step', { name, step: typeof step === 'number' ? step : '?', outcome });
  // One mail per run is the usual case: it opens like any sent email.
  return { summary, changes: [], ...(entry.action === 'step_done' && mailIds.length === 1 ? { mail: { kind: 'sent', id: mailIds[0] } } : {}) };
}

/** Turns an audit entry into one readable line and its old → new changes. */
export function describeHistoryEntry(entry: HistoryEntryFieldsFragment, t: TFunction, lookups: HistoryLookups): DescribedEntry {
  const changes = readChanges(entry.changes);
  const names = readChanges(entry.names);
  if (entry.entity === 'automation' && entry.action.startsWith('step_')) return describeAutomationStep(entry, changes, t);
  const list: HistoryChange[] = Object.entries(changes)
    .filter(([key]) => !HIDDEN_KEYS.has(key))
    .map(([key, [from, to]]) => ({
      key,
      label: changeLabel(key, t),
      // A created item (or a mail sent or received) has no old value worth showing.
      from: NEW_ITEM_ACTIONS.has(entry.action) && (from === null || from === undefined) ? '' : displaySide(key, from, names[key]?.[0], t, lookups, entry.entity),
      to: displaySide(key, to, names[key]?.[1], t, lookups, entry.entity),
    }));
  let summary: string;
  switch (entry.kind) {
    case 'TODO_DONE':
      return { summary: t('card.history.summary.todoDone', { title: first(changes, 'title', 1) || first(changes, 'title', 0) }), changes: [] };
    case 'STATUS':
      if (entry.action === 'create') summary = t('card.history.summary.cardCreated');
      else summary = list.length > 1 ? t('card.history.summary.card_update') : t('card.history.summary.status');
      break;
    case 'OWNER':
      summary = list.length > 1 ? t('card.history.summary.card_update') : t('card.history.summary.owner');
      break;
    case 'NOTE': {
      const action = entry.action === 'create' || entry.action === 'delete' ? entry.action : 'update';
      summary = t(`card.history.summary.note_${action}`);
      return { summary, changes: list.filter((c) => c.key !== 'body' || action === 'update'), ...noteBody(changes, action) };
    }
    case 'DOCUMENT': {
      const name = first(changes, 'name', 1) || first(changes, 'name', 0);
      let key = ['create', 'copy', 'delete', 'share', 'unshare'].includes(entry.action) ? entry.action : 'update';
      // Copies logged before they carried their name: say what happened without an empty “”.
      if (!name && changes.copiedFrom) key = 'copyUnnamed';
      summary = t(`card.history.summary.document_${key}`, { name });
      return { summary, changes: list.filter((c) => c.key !== 'name' && c.key !== 'shared') };
    }
    case 'MERGE':
      return { summary: t('card.history.summary.merge', { name: first(changes, 'merged', 0) }), changes: [] };
    case 'EMAIL':
      if (entry.action === 'received') {
        // Incoming mail: the sender is in the sentence, the subject below it.
        const from = first(changes, 'from', 1);
        return {
          summary: from ? t('card.history.summary.email_received', { from }) : t('card.history.summary.email_receivedUnknown'),
          changes: list.filter((c) => c.key !== 'from'),
          mail: { kind: 'received', id: entry.entityId, subject: first(changes, 'subject', 1) },
        };
      }
      if (entry.action === 'sent') {
        // A copy of mail a user sent from their own mailbox (a synced Sent folder).
        const recipients = changes.to?.[1];
        const to = (Array.isArray(recipients) ? recipients : [recipients]).filter((r): r is string => typeof r === 'string' && r !== '').join(', ');
        return {
          summary: t('card.history.summary.email_sentFromMailbox', { to }),
          changes: list.filter((c) => c.key !== 'to'),
          mail: { kind: 'received', id: entry.entityId, subject: first(changes, 'subject', 1) },
        };
      }
      summary = t('card.history.summary.email');
      if (entry.action === 'queued') {
        return { summary, changes: list, mail: { kind: 'sent', id: entry.entityId, subject: first(changes, 'subject', 1) } };
      }
      break;
    case 'FIELD':
      summary = entry.entity === 'card' && list.length === 1 && list[0].key === 'value' ? t('card.history.summary.value') : t('card.history.summary.field', { count: list.length });
      break;
    default:
      if (SPECIFIC_SUMMARIES.has(`${entry.entity}_${entry.action}`)) {
        summary = t(`card.history.summary.${entry.entity}_${entry.action}`);
        break;
      }
      summary = t('card.history.summary.other', {
        action: t(`card.history.actions.${entry.action}`, { defaultValue: entry.action }),
        entity: t(`card.history.entities.${entry.entity}`, { defaultValue: entry.entity }),
      });
  }
  return { summary, changes: list };
}

/** A note's text is the interesting part: show it as the summary's body. */
function noteBody(changes: Changes, action: string): { body?: string } {
  const body = action === 'delete' ? changes.body?.[0] : changes.body?.[1];
  return typeof body === 'string' ? { body } : {};
}
