import { Role } from '@crm/shared';
import { createTestDatabase, TestDatabase } from '../testing';
import { advanceCampaign, dispatchCampaign, loadCampaign, type CampaignOptions } from './run';
import { bounceKind, recordBounce, unsubscribeRecipient } from './feedback';
import { signUnsubscribeToken, verifyUnsubscribeToken } from './token';
import { createMailTransport, deliverOutboxMail } from '../mail/deliver';
import { queueMail } from '../mail/outbox';
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const OPTIONS: CampaignOptions = { timeZone: 'Europe/Budapest', messageDomain: 'crm.test', publicUrl: 'https://crm.example', unsubscribeSecret: 'test-secret-of-enough-length' };

describe('campaigns', () => {
  let db: TestDatabase;
  let admin: string;
  let restricted: string;
  let pipelineId: string;
  let templateId: string;
  beforeAll(async () => {
    db = await createTestDatabase();
    const q = db.dataSource.query.bind(db.dataSource);
    [{ id: admin }] = await q(`INSERT INTO users (email, name, role, password_hash) VALUES ('boss@x.test', 'Boss', '${Role.Admin}', 'x') RETURNING id`);
    [{ id: restricted }] = await q(`INSERT INTO users (email, name, role, password_hash) VALUES ('r@x.test', 'Rita', '${Role.Restricted}', 'x') RETURNING id`);
    [{ id: pipelineId }] = await q(`INSERT INTO pipelines (name) VALUES ('Sales') RETURNING id`);
    [{ id: templateId }] = await q(`INSERT INTO email_templates (pipeline_id, name, subject, body) VALUES ($1, 'News', 'News for {{client.name}}', 'Dear {{contact.name}},\n\nnews.') RETURNING id`, [pipelineId]);
  });
  afterAll(() => db.drop());

  async function client(name: string, contacts: Array<{ name: string; email: string; primary?: boolean; title?: string }>, ownerId: string | null = null) {
    const [{ id }] = await db.dataSource.query(`INSERT INTO clients (name, type, owner_id) VALUES ($1, 'COMPANY', $2) RETURNING id`, [name, ownerId]);
    for (const c of contacts) await db.dataSource.query(`INSERT INTO contacts (client_id, name, emails, is_primary, title) VALUES ($1, $2, $3, $4, $5)`, [id, c.name, [c.email], !!c.primary, c.title ?? null]);
    return id as string;
  }
  async function staticList(clientIds: string[], recipients = 'PRIMARY', role: string | null = null) {
    const [{ id }] = await db.dataSource.query(`INSERT INTO distribution_lists (name, kind, channel, recipients, role, created_by_id) VALUES ('L', 'STATIC', 'EMAIL', $1, $2, $3) RETURNING id`, [recipients, role, admin]);
    for (const c of clientIds) await db.dataSource.query(`INSERT INTO distribution_list_members (list_id, client_id) VALUES ($1, $2)`, [id, c]);
    return id as string;
  }
  async function campaign(listId: string, by = admin, extra: Record<string, number> = {}) {
    const [{ id }] = await db.dataSource.query(
      `INSERT INTO campaigns (name, list_id, template_id, from_name, from_address, status, created_by_id, per_minute, per_domain_per_minute) VALUES ('C', $1, $2, 'Us', 'news@us.test', 'SCHEDULED', $3, $4, $5) RETURNING id`,
      [listId, templateId, by, extra.perMinute ?? 600, extra.perDomain ?? 60],
    );
    return id as string;
  }
  const recipients = (cid: string) => db.dataSource.query(`SELECT r.*, m.status AS mail_status, m.headers, m.text FROM campaign_recipients r LEFT JOIN outbox_mails m ON m.id = r.outbox_id WHERE r.campaign_id = $1 ORDER BY r.email`, [cid]);

  it('renders a mail per recipient into the outbox, held, with the unsubscribe link and one-click headers; suppressed addresses left out', async () => {
    const a = await client('Alfa', [{ name: 'Anna Alfa', email: 'Anna@alfa.test', primary: true }, { name: 'Béla Alfa', email: 'bela@alfa.test' }]);
    const b = await client('Beta', [{ name: 'Bob Beta', email: 'bob@beta.test' }]);
    await db.dataSource.query(`INSERT INTO suppressions (email, reason, source) VALUES ('bob@beta.test', 'UNSUBSCRIBED', 'test')`);
    const cid = await campaign(await staticList([a, b]));
    const step = await advanceCampaign(db.dataSource, cid, OPTIONS);
    // Everything let out at once (the throttle allows it): the campaign is done, the outbox delivers.
    expect(step.status).toBe('DONE');
    const rows = await recipients(cid);
    expect(rows.map((r: any) => [r.email, r.state, r.skip_reason])).toEqual([
      ['anna@alfa.test', 'QUEUED', null],
      ['bob@beta.test', 'SKIPPED', 'SUPPRESSED'],
    ]);
    expect(rows[0].headers['List-Unsubscribe-Post']).toBe('List-Unsubscribe=One-Click');
    expect(rows[0].headers['List-Unsubscribe']).toMatch(/^<https:\/\/crm\.example\/unsubscribe\/[^>]+>$/);
    expect(rows[0].text).toContain('Dear Anna Alfa');
    expect(rows[0].mail_status).toBe('QUEUED'); // released at once: the throttle allows it
    expect(step.released).toEqual([rows[0].outbox_id]);
    // A History entry on the client.
    const [{ n }] = await db.dataSource.query(`SELECT count(*)::int AS n FROM audit_log WHERE client_id = $1 AND entity = 'email'`, [a]);
    expect(n).toBe(1);
  });

  it("writes the mails' dates in the organisation's saved zone, not ORG_TIME_ZONE", async () => {
    const c = await client('Zona', [{ name: 'Zoé', email: 'zoe@zona.test', primary: true }]);
    const [{ id: dated }] = await db.dataSource.query(`INSERT INTO email_templates (pipeline_id, name, subject, body) VALUES ($1, 'Dated', 'Hi', 'Sent {{datetime today}}') RETURNING id`, [pipelineId]);
    const cid = await campaign(await staticList([c]));
    await db.dataSource.query(`UPDATE campaigns SET template_id = $2, locale = 'en' WHERE id = $1`, [cid, dated]);
    // 16:30 UTC: 17:30 in Budapest (the env default here), 01:30 the next day in Tokyo (the saved zone).
    await db.dataSource.query(`INSERT INTO organisation_settings (id, time_zone) VALUES (1, 'Asia/Tokyo') ON CONFLICT (id) DO UPDATE SET time_zone = 'Asia/Tokyo'`);
    try {
      await advanceCampaign(db.dataSource, cid, OPTIONS, new Date('2026-12-01T16:30:00Z'));
    } finally {
      await db.dataSource.query(`UPDATE organisation_settings SET time_zone = NULL`);
    }
    const [r] = await recipients(cid);
    expect(r.text).toMatch(/Dec(ember)? 2, 2026.*1:30/);
    expect(r.text).not.toMatch(/5:30|17:30/);
  });

  it('sends to every contact, or by role; and to what the creator may see only', async () => {
    const mine = await client('Mine', [{ name: 'Chief Mine', email: 'chief@mine.test', title: 'Chief buyer' }, { name: 'Other Mine', email: 'other@mine.test' }], restricted);
    const theirs = await client('Theirs', [{ name: 'Tia', email: 'tia@theirs.test' }], admin);
    const all = await campaign(await staticList([mine, theirs], 'ALL'), restricted);
    await advanceCampaign(db.dataSource, all, OPTIONS);
    expect((await recipients(all)).map((r: any) => r.email)).toEqual(['chief@mine.test', 'other@mine.test']);
    const byRole = await campaign(await staticList([mine, theirs], 'ROLE', 'buyer'));
    await advanceCampaign(db.dataSource, byRole, OPTIONS);
    expect((await recipients(byRole)).map((r: any) => r.email)).toEqual(['chief@mine.test']);
  });

  it("sends to each client's primary contact, else its first contact with an address by name, else the client's own address", async () => {
    const flagged = await client('Flagged', [{ name: 'Ann Flagged', email: 'ann@flagged.test' }, { name: 'Zoe Flagged', email: 'zoe@flagged.test', primary: true }]);
    const unflagged = await client('Unflagged', [{ name: 'Zed Unflagged', email: 'zed@unflagged.test' }, { name: 'Bea Unflagged', email: 'bea@unflagged.test' }]);
    await db.dataSource.query(`INSERT INTO contacts (client_id, name, emails, is_primary) VALUES ($1, 'Al Unflagged', '{}', false)`, [unflagged]);
    const own = await client('Own', []);
    await db.dataSource.query(`UPDATE clients SET emails = '{office@own.test}' WHERE id = $1`, [own]);
    const cid = await campaign(await staticList([flagged, unflagged, own]));
    await advanceCampaign(db.dataSource, cid, OPTIONS);
    const rows = await db.dataSource.query(`SELECT email, contact_id IS NULL AS own FROM campaign_recipients WHERE campaign_id = $1 ORDER BY email`, [cid]);
    expect(rows).toEqual([
      { email: 'bea@unflagged.test', own: false },
      { email: 'office@own.test', own: true },
      { email: 'zoe@flagged.test', own: false },
    ]);
  });

  it('leaves out recipients with missing template values', async () => {
    const c = await client('NoContact', []);
    await db.dataSource.query(`UPDATE clients SET emails = '{office@nocontact.test}' WHERE id = $1`, [c]);
    const cid = await campaign(await staticList([c]));
    await advanceCampaign(db.dataSource, cid, OPTIONS);
    const [r] = await recipients(cid);
    expect([r.state, r.skip_reason, r.missing]).toEqual(['SKIPPED', 'MISSING_VALUES', ['contact.name']]);
  });

  it('throttles per minute and per domain, resumes without sending twice, and honours a pause and a cancel', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 6; i++) ids.push(await client(`T${i}`, [{ name: `P ${i}`, email: `p${i}@${i < 4 ? 'big' : 'small'}.test`, primary: true }]));
    const cid = await campaign(await staticList(ids), admin, { perMinute: 4, perDomain: 2 });
    const first = await advanceCampaign(db.dataSource, cid, OPTIONS);
    expect(first.released).toHaveLength(4);
    const released = (await recipients(cid)).filter((r: any) => r.released_at);
    expect(released.filter((r: any) => r.domain === 'big.test')).toHaveLength(2);
    // Within the same minute nothing more goes out, however often the step runs (a crash and a restart).
    const again = await advanceCampaign(db.dataSource, cid, OPTIONS);
    expect(again.released).toEqual([]);
    expect(again.nextAt).not.toBeNull();
    // A minute later the rest; no mail is queued twice.
    await db.dataSource.query(`UPDATE campaign_recipients SET released_at = released_at - interval '61 seconds' WHERE campaign_id = $1 AND released_at IS NOT NULL`, [cid]);
    const [camp] = [await loadCampaign(db.dataSource.manager, cid)];
    const second = await dispatchCampaign(db.dataSource, camp!);
    expect(second.released).toHaveLength(2);
    expect(second.remaining).toBe(0);
    const [{ n }] = await db.dataSource.query(`SELECT count(*)::int AS n FROM outbox_mails WHERE idempotency_key LIKE $1`, [`campaign:${cid}:%`]);
    expect(n).toBe(6);

    const paused = await campaign(await staticList(ids.slice(0, 2)));
    await db.dataSource.query(`UPDATE campaigns SET status = 'PAUSED' WHERE id = $1`, [paused]);
    expect((await advanceCampaign(db.dataSource, paused, OPTIONS)).released).toEqual([]);
  });

  it('unsubscribes by token: suppressed for campaigns, consent history written; card mail still goes unless they asked for nothing', async () => {
    const c = await client('Uno', [{ name: 'Ursula', email: 'ursula@uno.test', primary: true }]);
    const cid = await campaign(await staticList([c]));
    await advanceCampaign(db.dataSource, cid, OPTIONS);
    const [r] = await recipients(cid);
    const token = /unsubscribe\/([^>]+)>/.exec(r.headers['List-Unsubscribe'])![1];
    const check = verifyUnsubscribeToken(OPTIONS.unsubscribeSecret, token);
    expect(check).toEqual({ ok: true, recipientId: r.id });
    expect(verifyUnsubscribeToken('another-secret', token)).toEqual({ ok: false, reason: 'INVALID' });
    expect(verifyUnsubscribeToken(OPTIONS.unsubscribeSecret, token.replace(/.$/, (x) => (x === 'A' ? 'B' : 'A')))).toEqual({ ok: false, reason: 'INVALID' });
    expect(verifyUnsubscribeToken(OPTIONS.unsubscribeSecret, signUnsubscribeToken(OPTIONS.unsubscribeSecret, r.id, new Date(Date.now() - 1000)))).toEqual({ ok: false, reason: 'EXPIRED' });

    await unsubscribeRecipient(db.dataSource, r.id, { everything: false, source: 'one-click' });
    const [s] = await db.dataSource.query(`SELECT reason, scope FROM suppressions WHERE email = 'ursula@uno.test'`);
    expect(s).toEqual({ reason: 'UNSUBSCRIBED', scope: 'CAMPAIGNS' });
    const consents = await db.dataSource.query(`SELECT status, source FROM contact_consents WHERE contact_id = $1`, [r.contact_id]);
    expect(consents).toEqual([{ status: 'OPTED_OUT', source: 'one-click' }]);

    // The next campaign skips them.
    const next = await campaign(await staticList([c]));
    await advanceCampaign(db.dataSource, next, OPTIONS);
    expect((await recipients(next))[0].skip_reason).toBe('SUPPRESSED');

    // A mail from a card still reaches them...
    const dir = mkdtempSync(path.join(tmpdir(), 'crm-camp-'));
    const card = (key: string) => db.dataSource.transaction((em) => queueMail(em, { idempotencyKey: key, cardId: null, clientId: c, templateId: null, fromAddress: 'me@us.test', fromName: 'Me', to: ['Ursula@uno.test'], subject: 'Hi', html: '<p>Hi</p>', text: 'Hi', createdById: admin, messageDomain: 'crm.test' }));
    expect(await deliverOutboxMail(db.dataSource, createMailTransport(null, dir), (await card('card-1')).id)).toBe('sent');
    // ...until they ask for nothing at all.
    await unsubscribeRecipient(db.dataSource, r.id, { everything: true, source: 'unsubscribe page' });
    expect(await deliverOutboxMail(db.dataSource, createMailTransport(null, dir), (await card('card-2')).id)).toBe('skipped');
    expect(readdirSync(dir)).toHaveLength(1);
  });

  it('delivers with the List-Unsubscribe headers', async () => {
    const c = await client('Dos', [{ name: 'Dora', email: 'dora@dos.test', primary: true }]);
    const cid = await campaign(await staticList([c]));
    const step = await advanceCampaign(db.dataSource, cid, OPTIONS);
    const dir = mkdtempSync(path.join(tmpdir(), 'crm-camp-'));
    expect(await deliverOutboxMail(db.dataSource, createMailTransport(null, dir), step.released[0])).toBe('sent');
    const eml = readFileSync(path.join(dir, readdirSync(dir)[0]), 'utf8');
    expect(eml).toMatch(/^List-Unsubscribe:\s+<https:\/\/crm\.example\/unsubscribe\/.+>$/m);
    expect(eml).toMatch(/^List-Unsubscribe-Post: List-Unsubscribe=One-Click$/m);
  });

  it('marks bounces: a hard one suppresses, the third soft one too; an unknown Message-ID matches nothing', async () => {
    expect(bounceKind('Action: failed\nStatus: 5.1.1\n')).toBe('HARD');
    expect(bounceKind('Action: delayed\nStatus: 4.2.2\n')).toBe('SOFT');
    const c = await client('Soft', [{ name: 'Sam', email: 'sam@soft.test', primary: true }]);
    const h = await client('Hard', [{ name: 'Hal', email: 'hal@hard.test', primary: true }]);
    const messageIdOf = async (cid: string, email: string) => (await db.dataSource.query(`SELECT m.message_id FROM campaign_recipients r JOIN outbox_mails m ON m.id = r.outbox_id WHERE r.campaign_id = $1 AND r.email = $2`, [cid, email]))[0].message_id;
    const hardCampaign = await campaign(await staticList([h]));
    await advanceCampaign(db.dataSource, hardCampaign, OPTIONS);
    expect(await recordBounce(db.dataSource, [await messageIdOf(hardCampaign, 'hal@hard.test')], 'HARD')).toHaveLength(1);
    expect((await db.dataSource.query(`SELECT reason FROM suppressions WHERE email = 'hal@hard.test'`))[0].reason).toBe('HARD_BOUNCE');
    for (let i = 0; i < 3; i++) {
      const suppressedBefore = (await db.dataSource.query(`SELECT 1 FROM suppressions WHERE email = 'sam@soft.test'`)).length;
      expect(suppressedBefore).toBe(0);
      const cid = await campaign(await staticList([c]));
      await advanceCampaign(db.dataSource, cid, OPTIONS);
      await recordBounce(db.dataSource, [await messageIdOf(cid, 'sam@soft.test')], 'SOFT');
    }
    expect((await db.dataSource.query(`SELECT reason FROM suppressions WHERE email = 'sam@soft.test'`))[0].reason).toBe('SOFT_BOUNCES');
    expect(await recordBounce(db.dataSource, ['<nobody@nowhere>'], 'HARD')).toEqual([]);
  });
});
