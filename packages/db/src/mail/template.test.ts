import { fieldKey, missingValues, renderMail, scanTemplate, unknownVariables } from './template';

const context = {
  card: { status: 'Ajánlat', value: 1250000, currency: 'HUF', createdAt: new Date('2026-03-01T10:00:00Z'), pipeline: 'Sales', fields: { fleet_size: 42 } },
  client: { name: 'Kovács & Társa <Kft.>', email: 'info@kovacs.hu', address: 'Fő utca 1, Győr', taxId: '12345678-2-13' },
  contact: { name: 'Łucja Wiśniewska', firstName: 'Łucja', email: 'lucja@firma.pl', title: null },
  sender: { name: 'Eszter Admin', email: 'eszter@example.com', signature: 'Üdvözlettel,\nEszter' },
  owner: { name: 'Zofia Sales', email: 'zofia@example.com' },
  today: new Date('2026-11-24T09:00:00Z'),
  todo: { title: 'Visszahívás', deadline: new Date('2026-11-25T14:30:00Z') },
};
const hu = { locale: 'hu', timeZone: 'Europe/Budapest' };

describe('email templates', () => {
  it('renders dates in the organisation time zone, not the server zone', () => {
    const late = { ...context, todo: { title: 'x', deadline: new Date('2026-11-25T23:30:00Z') } };
    // 23:30 UTC is already the next day, 00:30, in Budapest.
    expect(renderMail('x', '{{datetime todo.deadline}}', late, { locale: 'en-GB', timeZone: 'Europe/Budapest' }).text).toMatch(/26 November 2026.*00:30/);
    expect(renderMail('x', '{{datetime todo.deadline}}', late, { locale: 'en-GB', timeZone: 'America/New_York' }).text).toMatch(/25 November 2026.*18:30/);
  });

  it('renders every kind of variable, formatted for the reader’s language', () => {
    const mail = renderMail(
      'Ajánlat: {{client.name}} – {{card.status}}',
      'Kedves {{contact.firstName}}!\n\nÉrték: {{money card.value card.currency}} ({{card.value}})\nHatáridő: {{datetime todo.deadline}}, ma {{date today}}.\nFlotta: {{card.fields.fleet_size}} · {{owner.name}} · {{card.pipeline}}\n\n{{sender.signature}}',
      context,
      hu,
    );
    expect(mail.subject).toBe('Ajánlat: Kovács & Társa <Kft.> – Ajánlat');
    expect(mail.text).toContain('Kedves Łucja!');
    expect(mail.text).toMatch(/Érték: 1\s250\s000\sFt \(1\s250\s000\)/);
    expect(mail.text).toContain('Határidő: 2026. november 25. 15:30');
    expect(mail.text).toContain('ma 2026. november 24.');
    expect(mail.text).toContain('Flotta: 42 · Zofia Sales · Sales');
    expect(mail.text).toContain('Üdvözlettel,\nEszter');
  });

  it('writes money and dates as Polish and Slovak readers write them', () => {
    const pln = { ...context, card: { ...context.card, value: 12345.5, currency: 'PLN' } };
    expect(renderMail('x', '{{money card.value card.currency}} · {{date today}}', pln, { locale: 'pl', timeZone: 'Europe/Warsaw' }).text).toMatch(/^12\s345,50\szł · 24 listopada 2026/);
    const eur = { ...context, card: { ...context.card, value: 1234.5, currency: 'EUR' } };
    expect(renderMail('x', '{{money card.value card.currency}} · {{date today}}', eur, { locale: 'sk', timeZone: 'Europe/Bratislava' }).text).toMatch(/^1\s234,50\s€ · 24\. novembra 2026/);
  });

  it('escapes values in HTML (never in the text part) and keeps paragraphs', () => {
    const mail = renderMail('x', 'Kedves {{client.name}}!\n\nMásodik bekezdés\nsortöréssel', context, hu);
    expect(mail.html).toContain('<p>Kedves Kovács &amp; Társa &lt;Kft.&gt;!</p>');
    expect(mail.html).toContain('<p>Második bekezdés<br>sortöréssel</p>');
    expect(mail.text).toContain('Kedves Kovács & Társa <Kft.>!');
  });

  it('reports values missing for a card, unless a fallback covers them', () => {
    const scan = scanTemplate('Dear {{contact.title}} {{fallback contact.name "Partner"}}, {{#if client.website}}{{client.website}}{{/if}}');
    expect(missingValues(scan, context)).toEqual(['contact.title']);
    expect(missingValues(scan, { ...context, contact: { title: 'Dr.' } })).toEqual([]);
    expect(renderMail('x', '{{fallback contact.title "Partner"}}', context, hu).text).toBe('Partner');
  });

  it('rejects unknown variables, unknown helpers, raw output and broken syntax at save time', () => {
    expect(unknownVariables(scanTemplate('{{client.name}} {{client.nmae}} {{card.fields.fleet_size}}'), ['Fleet size'])).toEqual(['client.nmae']);
    expect(scanTemplate('{{shout client.name}}').errors[0]).toMatch(/Unknown helper “shout”/);
    expect(scanTemplate('{{{client.name}}}').errors[0]).toMatch(/not \{\{\{/);
    expect(scanTemplate('{{#each items}}x{{/each}}').errors[0]).toMatch(/Only \{\{#if\}\}/);
    expect(scanTemplate('{{client.name').errors[0]).toMatch(/^Syntax error/);
    expect(fieldKey('Flotta méret (db)')).toBe('flotta_meret_db');
  });
});
