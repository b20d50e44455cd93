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

/**
 * Free-mail domains: a shared one is no sign that two clients are the same company, and mail
 * from them is matched to clients by exact address only, never by domain.
 */
export const FREE_MAIL_DOMAINS: readonly string[] = [
  'gmail.com', 'googlemail.com', 'yahoo.com', 'hotmail.com', 'outlook.com', 'live.com', 'icloud.com', 'me.com', 'aol.com', 'proton.me', 'protonmail.com', 'gmx.com', 'gmx.net',
  'freemail.hu', 'citromail.hu', 't-online.hu', 'indamail.hu', 'vipmail.hu', 'upcmail.hu',
  'wp.pl', 'o2.pl', 'onet.pl', 'interia.pl', 'gazeta.pl', 'op.pl', 'poczta.fm', 'tlen.pl',
  'azet.sk', 'centrum.sk', 'zoznam.sk', 'post.sk', 'pobox.sk', 'seznam.cz', 'centrum.cz', 'email.cz',
];
