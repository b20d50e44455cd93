import type { TaxCountry } from '@crm/shared';
import { fetchWithin, ProviderUnavailable, type CompanyLookupProvider, type CompanyRecord } from './provider';

const NS = 'http://CIS/BIR/PUBL/2014/07';
const DATA_NS = 'http://CIS/BIR/PUBL/2014/07/DataContract';

const xmlEscape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function xmlUnescape(s: string): string {
  return s
    .replace(/&#x([0-9a-f]+);/gi, (_, h) => String.fromCodePoint(parseInt(h, 16)))
    .replace(/&#(\d+);/g, (_, d) => String.fromCodePoint(Number(d)))
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
}

/** The text of the first <tag> (any namespace prefix), unescaped; null when absent or empty. */
function tag(xml: string, name: string): string | null {
  const m = new RegExp(`<(?:\\w+:)?${name}(?:\\s[^>]*?)?(?<!/)>([\\s\\S]*?)</(?:\\w+:)?${name}>`).exec(xml);
  const text = m ? xmlUnescape(m[1]).trim() : '';
  return text || null;
}

function envelope(url: string, action: string, body: string): string {
  return `<soap:Envelope xmlns:soap="http://www.w3.org/2003/05/soap-envelope" xmlns:ns="${NS}" xmlns:dat="${DATA_NS}">
<soap:Header xmlns:wsa="http://www.w3.org/2005/08/addressing"><wsa:To>${xmlEscape(url)}</wsa:To><wsa:Action>${NS}/IUslugaBIRzewnPubl/${action}</wsa:Action></soap:Header>
<soap:Body>${body}</soap:Body>
</soap:Envelope>`;
}

/** "ul. Prosta 51 lok. 3, 00-838 Warszawa" from the search result's parts. */
function addressOf(d: string): string | null {
  const street = [tag(d, 'Ulica') ?? tag(d, 'Miejscowosc'), [tag(d, 'NrNieruchomosci'), tag(d, 'NrLokalu')].filter(Boolean).join('/')].filter(Boolean).join(' ');
  const town = [tag(d, 'KodPocztowy'), tag(d, 'MiejscowoscPoczty') ?? tag(d, 'Miejscowosc')].filter(Boolean).join(' ');
  return [street, town].filter(Boolean).join(', ') || null;
}

/**
 * The Polish GUS registry (BIR 1.1, "wyszukiwarka REGON"): a SOAP 1.2 service with a session. We
 * sign in with the user key (Zaloguj), search by NIP (DaneSzukajPodmioty, session id in the `sid`
 * header) and take name and address from the first entity. The service answers MTOM multipart;
 * the envelope is read out of whatever wraps it.
 */
export class GusProvider implements CompanyLookupProvider {
  readonly name = 'GUS';
  private sid: string | null = null;

  constructor(
    private readonly url: string,
    private readonly key: string,
    private readonly timeoutMs: number,
  ) {}

  supports(country: TaxCountry): boolean {
    return country === 'PL';
  }

  private async call(action: string, body: string, sid?: string): Promise<string> {
    const headers: Record<string, string> = { 'Content-Type': 'application/soap+xml; charset=utf-8' };
    if (sid) headers.sid = sid;
    const res = await fetchWithin(this.name, this.url, { method: 'POST', headers, body: envelope(this.url, action, body) }, this.timeoutMs);
    const text = await res.text().catch(() => '');
    if (!res.ok) throw new ProviderUnavailable(this.name, `HTTP ${res.status}`);
    const result = tag(text, `${action}Result`);
    if (result === null && !new RegExp(`${action}Result`).test(text)) throw new ProviderUnavailable(this.name, `no ${action} result`);
    return result ?? '';
  }

  private async signIn(): Promise<string> {
    const sid = await this.call('Zaloguj', `<ns:Zaloguj><ns:pKluczUzytkownika>${xmlEscape(this.key)}</ns:pKluczUzytkownika></ns:Zaloguj>`);
    // An empty session id: the key was refused.
    if (!sid) throw new ProviderUnavailable(this.name, 'the user key was refused');
    this.sid = sid;
    return sid;
  }

  private search(nip: string, sid: string): Promise<string> {
    return this.call('DaneSzukajPodmioty', `<ns:DaneSzukajPodmioty><ns:pParametryWyszukiwania><dat:Nip>${nip}</dat:Nip></ns:pParametryWyszukiwania></ns:DaneSzukajPodmioty>`, sid);
  }

  async lookup(_country: TaxCountry, nip: string): Promise<CompanyRecord | null> {
    let data = await this.search(nip, this.sid ?? (await this.signIn()));
    // An empty answer on a reused session: it expired (sessions last an hour); sign in again once.
    if (!data && this.sid) data = await this.search(nip, await this.signIn());
    if (!data) throw new ProviderUnavailable(this.name, 'empty answer');
    const dane = /<dane>([\s\S]*?)<\/dane>/.exec(data)?.[1] ?? '';
    const errorCode = tag(dane, 'ErrorCode');
    // 4: no entity for the criteria.
    if (errorCode === '4') return null;
    if (errorCode) throw new ProviderUnavailable(this.name, `error ${errorCode}`);
    const name = tag(dane, 'Nazwa');
    if (!name) return null;
    const regon = tag(dane, 'Regon');
    return { name, address: addressOf(dane), vatStatus: null, registryIds: regon ? { REGON: regon } : undefined };
  }
}
