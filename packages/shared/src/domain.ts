/** Each status of a pipeline is open, won or lost. */
export enum StatusKind {
  Open = 'OPEN',
  Won = 'WON',
  Lost = 'LOST',
}

/** What a client is. */
export enum ClientType {
  Company = 'COMPANY',
  Person = 'PERSON',
}

/** The kinds of automation step (PRODUCT.md 5). */
export enum StepKind {
  EmailToContact = 'EMAIL_TO_CONTACT',
  EmailToUser = 'EMAIL_TO_USER',
  TodoForUser = 'TODO_FOR_USER',
}

/** The languages the UI speaks. */
export const LOCALES = ['en', 'hu', 'pl', 'sk'] as const;
export type Locale = (typeof LOCALES)[number];

export const DEFAULT_TIME_ZONE = 'Europe/Budapest';
