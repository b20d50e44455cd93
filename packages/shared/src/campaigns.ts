/** Distribution lists and campaigns: the values API, worker and web agree on. */
export const LIST_KINDS = ['STATIC', 'DYNAMIC'] as const;
export type ListKind = (typeof LIST_KINDS)[number];
export const LIST_CHANNELS = ['EMAIL', 'POSTAL', 'SMS'] as const;
export type ListChannel = (typeof LIST_CHANNELS)[number];
/** Which contacts of a client receive: the primary one, all, or those whose title matches a role. */
export const LIST_RECIPIENTS = ['PRIMARY', 'ALL', 'ROLE'] as const;
export type ListRecipients = (typeof LIST_RECIPIENTS)[number];

export const CAMPAIGN_STATUSES = ['DRAFT', 'SCHEDULED', 'PREPARING', 'SENDING', 'PAUSED', 'DONE', 'CANCELLED'] as const;
export type CampaignStatus = (typeof CAMPAIGN_STATUSES)[number];
/** A recipient's state as results show it. */
export const RECIPIENT_STATES = ['QUEUED', 'SENT', 'FAILED', 'BOUNCED', 'UNSUBSCRIBED', 'COMPLAINED', 'REPLIED', 'SKIPPED', 'CANCELLED'] as const;
export type RecipientState = (typeof RECIPIENT_STATES)[number];
/** Why an address was left out. */
export const SKIP_REASONS = ['SUPPRESSED', 'MISSING_VALUES', 'HIDDEN'] as const;
export const SUPPRESSION_REASONS = ['UNSUBSCRIBED', 'HARD_BOUNCE', 'SOFT_BOUNCES', 'COMPLAINED', 'MANUAL'] as const;
export type SuppressionReason = (typeof SUPPRESSION_REASONS)[number];
/** Soft bounces of one address (over all campaigns) that suppress it. */
export const SOFT_BOUNCES_TO_SUPPRESS = 3;

type Lang = 'en' | 'hu' | 'pl' | 'sk';
const lang = (locale: string | null | undefined): Lang => (['hu', 'pl', 'sk'].includes(String(locale).slice(0, 2)) ? (String(locale).slice(0, 2) as Lang) : 'en');

/** The footer every campaign mail carries, in the campaign's language. */
const FOOTER: Record<Lang, string> = {
  en: 'You receive this because you are on our mailing list. Unsubscribe:',
  hu: 'Ezt azért kapod, mert rajta vagy a levelezőlistánkon. Leiratkozás:',
  pl: 'Otrzymujesz tę wiadomość, ponieważ jesteś na naszej liście mailingowej. Wypisz się:',
  sk: 'Túto správu dostávate, pretože ste na našom zozname adresátov. Odhlásiť sa:',
};
export function unsubscribeFooter(locale: string | null | undefined): string {
  return FOOTER[lang(locale)];
}

/** The public unsubscribe page's words (it needs no login, so it is rendered by the API). */
const PAGE = {
  en: {
    title: 'Unsubscribe',
    ask: 'Stop campaign mail to {{email}}?',
    campaignsOnly: 'Unsubscribe from campaigns',
    everything: 'Receive no mail from us at all',
    done: '{{email}} will receive no more campaign mail.',
    doneAll: '{{email}} will receive no more mail from us.',
    invalidLink: 'This link is not valid.',
    invalid: 'This unsubscribe link is not valid. Use the link from the latest mail, or reply to it and ask us to remove you.',
    expired: 'This unsubscribe link has expired. Use the link from a more recent mail, or reply to it and ask us to remove you.',
  },
  hu: {
    title: 'Leiratkozás',
    ask: 'Leállítsuk a kampánylevelek küldését erre a címre: {{email}}?',
    campaignsOnly: 'Leiratkozom a kampánylevelekről',
    everything: 'Semmilyen levelet nem kérek tőletek',
    done: 'A(z) {{email}} címre nem küldünk több kampánylevelet.',
    doneAll: 'A(z) {{email}} címre nem küldünk több levelet.',
    invalidLink: 'Ez a link nem érvényes.',
    invalid: 'Ez a leiratkozó link nem érvényes. Használd a legutóbbi levél linkjét, vagy válaszolj rá, és kérd, hogy töröljünk.',
    expired: 'Ez a leiratkozó link lejárt. Használd egy újabb levél linkjét, vagy válaszolj rá, és kérd, hogy töröljünk.',
  },
  pl: {
    title: 'Wypisz się',
    ask: 'Zatrzymać wysyłkę kampanii na adres {{email}}?',
    campaignsOnly: 'Wypisz mnie z kampanii',
    everything: 'Nie chcę otrzymywać od was żadnych wiadomości',
    done: 'Na adres {{email}} nie wyślemy już żadnej kampanii.',
    doneAll: 'Na adres {{email}} nie wyślemy już żadnej wiadomości.',
    invalidLink: 'Ten link jest nieprawidłowy.',
    invalid: 'Ten link do wypisania się jest nieprawidłowy. Użyj linku z najnowszej wiadomości albo odpowiedz na nią i poproś o usunięcie.',
    expired: 'Ten link do wypisania się wygasł. Użyj linku z nowszej wiadomości albo odpowiedz na nią i poproś o usunięcie.',
  },
  sk: {
    title: 'Odhlásenie',
    ask: 'Zastaviť kampane na adresu {{email}}?',
    campaignsOnly: 'Odhlásiť sa z kampaní',
    everything: 'Nechcem od vás dostávať žiadne e-maily',
    done: 'Na adresu {{email}} už nepošleme žiadnu kampaň.',
    doneAll: 'Na adresu {{email}} už nepošleme žiadny e-mail.',
    invalidLink: 'Tento odkaz nie je platný.',
    invalid: 'Tento odkaz na odhlásenie nie je platný. Použite odkaz z najnovšieho e-mailu alebo naň odpovedzte a požiadajte o odstránenie.',
    expired: 'Platnosť tohto odkazu na odhlásenie vypršala. Použite odkaz z novšieho e-mailu alebo naň odpovedzte a požiadajte o odstránenie.',
  },
} satisfies Record<Lang, Record<string, string>>;
export type UnsubscribePageText = (typeof PAGE)['en'];
export function unsubscribePageText(acceptLanguage: string | null | undefined): UnsubscribePageText {
  const first = String(acceptLanguage ?? '')
    .split(',')
    .map((x) => x.trim().slice(0, 2).toLowerCase())
    .find((x) => ['en', 'hu', 'pl', 'sk'].includes(x));
  return PAGE[lang(first)];
}
