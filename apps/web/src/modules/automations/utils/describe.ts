import type { TFunction } from '../../../app/i18n';
import type { AutomationFieldsFragment, PipelineFieldsFragment } from '../../../graphql/generated/graphql';
import type { EditorStep } from './editorState';

export type AutomationState = 'DRAFT' | 'ACTIVE' | 'PAUSED' | 'DONE';

export function stateTone(state: string): string {
  switch (state) {
    case 'ACTIVE':
      return 'badge--success';
    case 'PAUSED':
      return 'badge--warning';
    case 'DONE':
      return 'badge--neutral';
    default:
      return 'badge--draft';
  }
}

/** "Cards in status Offer sent" / "Cards in view Hot leads". */
export function describeTrigger(
  automation: Pick<AutomationFieldsFragment, 'triggerKind' | 'triggerStatusId' | 'triggerViewId'>,
  pipeline: PipelineFieldsFragment | undefined,
  views: readonly { id: string; name: string }[],
  t: TFunction,
): string {
  if (automation.triggerKind === 'STATUS') {
    const status = pipeline?.statuses.find((candidate) => candidate.id === automation.triggerStatusId);
    return status ? t('automations.trigger.status', { name: status.name }) : t('automations.trigger.noStatus');
  }
  const view = views.find((candidate) => candidate.id === automation.triggerViewId);
  return view ? t('automations.trigger.view', { name: view.name }) : t('automations.trigger.noView');
}

const pad = (n: number) => String(n).padStart(2, '0');

/** "Day 0 · 09:00", "Day 3 · Monday · 09:00", "Day 1 · same time". */
export function describeTiming(step: Pick<EditorStep, 'delayDays' | 'weekday' | 'hour'>, t: TFunction): string {
  const parts = [t('automations.timing.day', { day: step.delayDays })];
  if (step.weekday) parts.push(t('automations.timing.onWeekday', { weekday: t(`automations.weekday.${step.weekday}`) }));
  parts.push(step.hour == null ? t('automations.timing.sameTime') : `${pad(step.hour)}:00`);
  return parts.join(' · ');
}

interface Names {
  emailTemplates: readonly { id: string; name: string }[];
  todoTemplates: readonly { id: string; title: string }[];
  users: readonly { id: string; name: string }[];
}

/** "Todo for the owner", "Email to the primary contact", "Email to Béla Nagy". */
export function describeAction(step: EditorStep, names: Names, t: TFunction): string {
  const user = names.users.find((candidate) => candidate.id === step.recipientUserId)?.name;
  const who =
    step.recipient === 'USER'
      ? (user ?? t('automations.recipient.someUser'))
      : t(`automations.recipient.to.${step.recipient}`, { defaultValue: step.recipient });
  return t(`automations.stepAction.${step.kind}`, { who });
}

/** The template's name, or null when none is chosen yet. */
export function templateName(step: EditorStep, names: Names): string | null {
  if (step.kind === 'TODO_FOR_USER') return names.todoTemplates.find((tpl) => tpl.id === step.todoTemplateId)?.title ?? null;
  return names.emailTemplates.find((tpl) => tpl.id === step.emailTemplateId)?.name ?? null;
}
