import type { TFunction } from 'i18next';
import type { HistoryEntryFieldsFragment, HistoryKind } from '../../../graphql/generated/graphql';

export const HISTORY_KINDS: readonly HistoryKind[] = ['TODO_DONE', 'STATUS', 'OWNER', 'FIELD', 'NOTE', 'EMAIL', 'DOCUMENT', 'MERGE'];

export interface HistoryLookups {
  /** Status id → name (every pipeline). */
  statuses: ReadonlyMap<string, string>;
  /** User id → name. */
  users: ReadonlyMap<string, string>;
  /** Pipeline id → name. */
  pipelines?: ReadonlyMap<string, string>;
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

/** A stored value as a person reads it: ids become names, money gets its currency, nothing is "null". */
export function formatHistoryValue(key: string, value: unknown, t: TFunction, lookups: HistoryLookups): string {
  if (key === 'folder' && value === '') return t('card.documents.topFolder');
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'boolean') return value ? t('card.common.yes') : t('card.common.no');
  if (typeof value === 'string') {
    if (key === 'statusId') return lookups.statuses.get(value) ?? t('card.history.unknownStatus');
    if (key === 'ownerId' || key === 'assigneeId' || key === 'actorId') return lookups.users.get(value) ?? t('card.history.unknownUser');
    if (key === 'pipelineId') return lookups.pipelines?.get(value) ?? value;
    if (key === 'deadline' || key === 'doneAt') {
      const d = new Date(value);
      if (!Number.isNaN(d.getTime())) return new Intl.DateTimeFormat(lookups.language, { dateStyle: 'medium', timeStyle: 'short' }).format(d);
    }
    if (key === 'folder' && value === '') return t('card.documents.topFolder');
    if (key === 'state' && /^(OPEN|PAID|LOST)$/.test(value)) return t(`card.deals.states.${value}`);
    if (key === 'amount' && /^-?\d+(\.\d+)?$/.test(value)) return new Intl.NumberFormat(lookups.language).format(Number(value));
    // A user picked in a USER custom field is stored as its id.
    if (lookups.users.has(value)) return lookups.users.get(value)!;
    return value;
  }
  if (typeof value === 'number') return new Intl.NumberFormat(lookups.language).format(value);
  if (Array.isArray(value)) return value.length === 0 ? '—' : value.map((v) => formatHistoryValue(key, v, t, lookups)).join(', ');
  if (typeof value === 'object') {
    const money = value as { amount?: unknown; currency?: unknown };
    if (typeof money.amount === 'number' && typeof money.currency === 'string') {
      try {
        return new Intl.NumberFormat(lookups.language, { style: 'currency', currency: money.currency }).format(money.amount);
      } catch {
        return `${money.amount} ${money.currency}`;
      }
    }
    return JSON.stringify(value);
  }
  return String(value);
}

function changeLabel(key: string, t: TFunction): string {
  if (key.startsWith('field:')) return key.slice('field:'.length);
  return t(`card.history.keys.${key}`, { defaultValue: key });
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
  if (entry.entity === 'automation' && entry.action.startsWith('step_')) return describeAutomationStep(entry, changes, t);
  const list: HistoryChange[] = Object.entries(changes)
    .filter(([key]) => !HIDDEN_KEYS.has(key))
    .map(([key, [from, to]]) => ({
      key,
      label: changeLabel(key, t),
      // A created item (or a mail sent or received) has no old value worth showing.
      from: NEW_ITEM_ACTIONS.has(entry.action) && (from === null || from === undefined) ? '' : formatHistoryValue(key, from, t, lookups),
      to: formatHistoryValue(key, to, t, lookups),
    }));
  let summary: string;
  switch (entry.kind) {
    case 'TODO_DONE':
      return { summary: t('card.history.summary.todoDone', { title: first(changes, 'title', 1) || first(changes, 'title', 0) }), changes: [] };
    case 'STATUS':
      summary = entry.action === 'create' ? t('card.history.summary.cardCreated') : t('card.history.summary.status');
      break;
    case 'OWNER':
      summary = t('card.history.summary.owner');
      break;
    case 'NOTE': {
      const action = entry.action === 'create' || entry.action === 'delete' ? entry.action : 'update';
      summary = t(`card.history.summary.note_${action}`);
      return { summary, changes: list.filter((c) => c.key !== 'body' || action === 'update'), ...noteBody(changes, action) };
    }
    case 'DOCUMENT': {
      const name = first(changes, 'name', 1) || first(changes, 'name', 0);
      const key = ['create', 'delete', 'share', 'unshare'].includes(entry.action) ? entry.action : 'update';
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
      summary = t('card.history.summary.email');
      if (entry.action === 'queued') {
        return { summary, changes: list, mail: { kind: 'sent', id: entry.entityId, subject: first(changes, 'subject', 1) } };
      }
      break;
    case 'FIELD':
      summary = t('card.history.summary.field', { count: list.length });
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
