/**
 * Why an automation step was skipped or failed (stored in the run's result as `{ code, params }`),
 * and why an automation was paused by the system: codes the web app translates.
 */
export enum RunReason {
  /** The step's email or todo template is gone. */
  TemplateMissing = 'TEMPLATE_MISSING',
  /** The card has no owner to send from or to give the todo to. */
  CardHasNoOwner = 'CARD_HAS_NO_OWNER',
  /** The sender is not an active user. */
  NoSender = 'NO_SENDER',
  /** The chosen sender is someone else, and the automation acts for a user who may not send as others. */
  SenderNotAllowed = 'SENDER_NOT_ALLOWED',
  /** No recipient with an email address. */
  NoRecipient = 'NO_RECIPIENT',
  /** The user to mail may not see the card. */
  RecipientCannotSeeCard = 'RECIPIENT_CANNOT_SEE_CARD',
  /** params.missing: the template variables without a value. */
  MissingValues = 'MISSING_VALUES',
  /** The card or its client is in the trash. */
  CardTrashed = 'CARD_TRASHED',
  /** The person the automation acts for may no longer see the card. */
  CardOutOfScope = 'CARD_OUT_OF_SCOPE',
  /** The card was deleted for good. */
  CardGone = 'CARD_GONE',
  /** The person the automation acts for is gone or inactive. */
  NoActingUser = 'NO_ACTING_USER',
  /** The view that triggers it is gone or no longer visible to its builder. */
  TriggerViewHidden = 'TRIGGER_VIEW_HIDDEN',
  /** The template could not be rendered. */
  RenderFailed = 'RENDER_FAILED',
  /** Its automation was stopped for good before the step was due. */
  AutomationStopped = 'AUTOMATION_STOPPED',
  /** The step failed for another reason (logged). */
  StepFailed = 'STEP_FAILED',
}

/** What keeps an automation from running, per field of the automation or a step (translated in the web app). */
export enum AutomationProblemCode {
  TriggerStatus = 'TRIGGER_STATUS',
  TriggerView = 'TRIGGER_VIEW',
  /** The view is neither the builder's own nor shared. */
  TriggerViewHidden = 'TRIGGER_VIEW_HIDDEN',
  NoSteps = 'NO_STEPS',
  TodoTemplate = 'TODO_TEMPLATE',
  EmailTemplate = 'EMAIL_TEMPLATE',
  RecipientContact = 'RECIPIENT_CONTACT',
  RecipientUser = 'RECIPIENT_USER',
  RecipientUserInactive = 'RECIPIENT_USER_INACTIVE',
  SenderUserInactive = 'SENDER_USER_INACTIVE',
}
