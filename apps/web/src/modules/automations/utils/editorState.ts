import type {
  AutomationFieldsFragment,
  AutomationInput,
  AutomationMode,
  StepKind,
  TriggerKind,
} from '../../../graphql/generated/graphql';

export const STEP_KINDS: readonly StepKind[] = ['EMAIL_TO_CONTACT', 'EMAIL_TO_USER', 'TODO_FOR_USER'];
export const CONTACT_RECIPIENTS = ['PRIMARY_CONTACT', 'ALL_CONTACTS'] as const;
export const USER_RECIPIENTS = ['OWNER', 'USER'] as const;
export const SENDERS = ['OWNER', 'USER'] as const;
export const MAX_DELAY_DAYS = 3650;

/** One step as the editor holds it: the API's step plus a stable key for drag and drop and selection. */
export interface EditorStep {
  key: string;
  /** The saved step's id; absent for a step added since the last save. */
  id: string | null;
  kind: StepKind;
  delayDays: number;
  weekday: number | null;
  hour: number | null;
  emailTemplateId: string | null;
  todoTemplateId: string | null;
  recipient: string;
  recipientUserId: string | null;
  sender: string;
  senderUserId: string | null;
}

/** Everything the editor saves in one `updateAutomation` call. */
export interface EditorState {
  name: string;
  triggerKind: TriggerKind;
  triggerStatusId: string | null;
  triggerViewId: string | null;
  mode: AutomationMode;
  onlyNew: boolean;
  reEnrol: boolean;
  stopOnReply: boolean;
  steps: EditorStep[];
}

/** A problem shown on a step (by its key) or on the automation itself (stepKey null). */
export interface EditorProblem {
  stepKey: string | null;
  field: string;
  /** A translation key under automations.problems. */
  messageKey: string;
  fallback?: string;
}

/** The API's problem codes (AutomationProblemCode) as keys under automations.problems. */
const PROBLEM_KEYS: Record<string, string> = {
  TRIGGER_STATUS: 'triggerStatusId',
  TRIGGER_VIEW: 'triggerViewId',
  TRIGGER_VIEW_HIDDEN: 'triggerViewHidden',
  NO_STEPS: 'steps',
  TODO_TEMPLATE: 'todoTemplateId',
  EMAIL_TEMPLATE: 'emailTemplateId',
  RECIPIENT_CONTACT: 'recipientContact',
  RECIPIENT_USER: 'recipientUser',
  RECIPIENT_USER_INACTIVE: 'recipientUserId',
  SENDER_USER_INACTIVE: 'senderUserId',
};

let counter = 0;
/** A key for a step that has not been saved yet. */
export function newStepKey(): string {
  counter += 1;
  return `new-${counter}`;
}

export function fromAutomation(automation: AutomationFieldsFragment): EditorState {
  return {
    name: automation.name,
    triggerKind: automation.triggerKind,
    triggerStatusId: automation.triggerStatusId,
    triggerViewId: automation.triggerViewId,
    mode: automation.mode,
    onlyNew: automation.onlyNew,
    reEnrol: automation.reEnrol,
    stopOnReply: automation.stopOnReply,
    steps: automation.steps.map((step, index) => ({
      key: step.id ?? `saved-${index}`,
      id: step.id,
      kind: step.kind,
      delayDays: step.delayDays,
      weekday: step.weekday,
      hour: step.hour,
      emailTemplateId: step.emailTemplateId,
      todoTemplateId: step.todoTemplateId,
      recipient: step.recipient,
      recipientUserId: step.recipientUserId,
      sender: step.sender,
      senderUserId: step.senderUserId,
    })),
  };
}

/** The whole editor state as the API takes it; saved steps keep their ids, fields that do not apply are cleared. */
export function toInput(state: EditorState, pipelineId: string): AutomationInput {
  return {
    pipelineId,
    name: state.name.trim(),
    triggerKind: state.triggerKind,
    triggerStatusId: state.triggerKind === 'STATUS' ? state.triggerStatusId : null,
    triggerViewId: state.triggerKind === 'VIEW' ? state.triggerViewId : null,
    mode: state.mode,
    onlyNew: state.onlyNew,
    reEnrol: state.reEnrol,
    stopOnReply: state.stopOnReply,
    steps: state.steps.map((step) => {
      const email = step.kind !== 'TODO_FOR_USER';
      return {
        ...(step.id ? { id: step.id } : {}),
        kind: step.kind,
        delayDays: step.delayDays,
        weekday: step.weekday,
        hour: step.hour,
        emailTemplateId: email ? step.emailTemplateId : null,
        todoTemplateId: email ? null : step.todoTemplateId,
        recipient: step.recipient,
        recipientUserId: step.recipient === 'USER' ? step.recipientUserId : null,
        sender: email ? step.sender : 'OWNER',
        senderUserId: email && step.sender === 'USER' ? step.senderUserId : null,
      };
    }),
  };
}

/** A new step of a kind, with the defaults a user most often wants; its delay follows the step before it. */
export function newStep(kind: StepKind, previous?: EditorStep): EditorStep {
  return {
    key: newStepKey(),
    id: null,
    kind,
    delayDays: previous?.delayDays ?? 0,
    weekday: null,
    hour: kind === 'TODO_FOR_USER' ? 9 : null,
    emailTemplateId: null,
    todoTemplateId: null,
    recipient: kind === 'EMAIL_TO_CONTACT' ? 'PRIMARY_CONTACT' : 'OWNER',
    recipientUserId: null,
    sender: 'OWNER',
    senderUserId: null,
  };
}

/** Inserts a step at `index` (clamped to the list). */
export function insertStep(steps: readonly EditorStep[], step: EditorStep, index: number): EditorStep[] {
  const at = Math.max(0, Math.min(index, steps.length));
  return [...steps.slice(0, at), step, ...steps.slice(at)];
}

/** Moves the item at `from` to `to` (both clamped), as dnd-kit's arrayMove. */
export function moveItem<T>(items: readonly T[], from: number, to: number): T[] {
  if (from < 0 || from >= items.length) return [...items];
  const target = Math.max(0, Math.min(to, items.length - 1));
  const next = [...items];
  const [item] = next.splice(from, 1);
  next.splice(target, 0, item);
  return next;
}

export interface ProblemContext {
  statusIds: ReadonlySet<string>;
  viewIds: ReadonlySet<string>;
  emailTemplateIds: ReadonlySet<string>;
  todoTemplateIds: ReadonlySet<string>;
  userIds: ReadonlySet<string>;
}

/**
 * The same checks the API makes before activation (AutomationService.problems), run on the unsaved
 * state so a step shows what is wrong the moment it is wrong.
 */
export function clientProblems(state: EditorState, context: ProblemContext): EditorProblem[] {
  const out: EditorProblem[] = [];
  const add = (stepKey: string | null, field: string, messageKey: string) => out.push({ stepKey, field, messageKey });
  if (!state.name.trim()) add(null, 'name', 'name');
  if (state.triggerKind === 'STATUS') {
    if (!state.triggerStatusId || !context.statusIds.has(state.triggerStatusId)) add(null, 'triggerStatusId', 'triggerStatusId');
  } else if (!state.triggerViewId || !context.viewIds.has(state.triggerViewId)) add(null, 'triggerViewId', 'triggerViewId');
  if (state.steps.length === 0) add(null, 'steps', 'steps');
  for (const step of state.steps) {
    if (!Number.isInteger(step.delayDays) || step.delayDays < 0 || step.delayDays > MAX_DELAY_DAYS) add(step.key, 'delayDays', 'delayDays');
    if (step.kind === 'TODO_FOR_USER') {
      if (!step.todoTemplateId || !context.todoTemplateIds.has(step.todoTemplateId)) add(step.key, 'todoTemplateId', 'todoTemplateId');
    } else if (!step.emailTemplateId || !context.emailTemplateIds.has(step.emailTemplateId)) {
      add(step.key, 'emailTemplateId', 'emailTemplateId');
    }
    const allowed: readonly string[] = step.kind === 'EMAIL_TO_CONTACT' ? CONTACT_RECIPIENTS : USER_RECIPIENTS;
    if (!allowed.includes(step.recipient)) add(step.key, 'recipient', step.kind === 'EMAIL_TO_CONTACT' ? 'recipientContact' : 'recipientUser');
    if (step.recipient === 'USER' && (!step.recipientUserId || !context.userIds.has(step.recipientUserId))) {
      add(step.key, 'recipientUserId', 'recipientUserId');
    }
    if (step.kind !== 'TODO_FOR_USER' && step.sender === 'USER' && (!step.senderUserId || !context.userIds.has(step.senderUserId))) {
      add(step.key, 'senderUserId', 'senderUserId');
    }
  }
  return out;
}

/** The API's problems (by step index at save time) attached to the steps' keys as they were saved. */
export function serverProblems(
  problems: AutomationFieldsFragment['problems'],
  savedSteps: readonly EditorStep[],
): EditorProblem[] {
  return problems.map((problem) => {
    const stepKey = problem.step == null ? null : (savedSteps[problem.step]?.key ?? null);
    return { stepKey, field: problem.field, messageKey: PROBLEM_KEYS[problem.code] ?? 'unknown' };
  });
}

/** Client checks first, then the last save's problems the client checks do not already cover. */
export function mergeProblems(client: readonly EditorProblem[], server: readonly EditorProblem[]): EditorProblem[] {
  const seen = new Set(client.map((p) => `${p.stepKey ?? ''}:${p.field}`));
  return [...client, ...server.filter((p) => !seen.has(`${p.stepKey ?? ''}:${p.field}`))];
}

export function sameState(a: EditorState, b: EditorState): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
