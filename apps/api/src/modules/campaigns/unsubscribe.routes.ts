import express, { Router, type Request, type Response } from 'express';
import { recipientById, unsubscribeRecipient, verifyUnsubscribeToken } from '@crm/db';
import { unsubscribePageText, type UnsubscribePageText } from '@crm/shared';
import type { DataSource } from 'typeorm';
import type { Logger } from '../../logger';

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
const fill = (template: string, email: string) => escape(template).replace('{{email}}', `<strong>${escape(email)}</strong>`);

function page(res: Response, status: number, text: UnsubscribePageText, body: string) {
  res
    .status(status)
    .type('html')
    .set('Cache-Control', 'no-store')
    .send(
      `<!doctype html><html><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><meta name="robots" content="noindex"><title>${escape(text.title)}</title>
<style>body{font-family:system-ui,Arial,sans-serif;background:#f5f6f8;color:#1f2937;margin:0;padding:48px 16px}main{max-width:480px;margin:0 auto;background:#fff;border:1px solid #e5e7eb;border-radius:12px;padding:32px}h1{font-size:22px;margin:0 0 16px}p{line-height:1.5}form{margin:12px 0}button{font:inherit;padding:10px 16px;border-radius:8px;border:1px solid #2563eb;background:#2563eb;color:#fff;cursor:pointer;width:100%}button.secondary{background:#fff;color:#1f2937;border-color:#d1d5db}</style></head>
<body><main><h1>${escape(text.title)}</h1>${body}</main></body></html>`,
    );
}

/**
 * The public unsubscribe page (no login): GET shows the address and asks (a GET never unsubscribes:
 * link scanners follow links); POST records the opt-out, from the page's form or as the one-click
 * POST of RFC 8058 (body `List-Unsubscribe=One-Click`). A forged or expired token gets a clear page.
 */
export function unsubscribeRoutes(ds: DataSource, secret: string, logger: Logger): Router {
  const router = Router();
  const check = async (req: Request, res: Response) => {
    const text = unsubscribePageText(req.get('accept-language'));
    const result = verifyUnsubscribeToken(secret, String(req.params.token ?? ''));
    if (!result.ok) {
      page(res, result.reason === 'EXPIRED' ? 410 : 400, text, `<p role="alert">${escape(result.reason === 'EXPIRED' ? text.expired : text.invalid)}</p>`);
      return null;
    }
    const recipient = await recipientById(ds.manager, result.recipientId);
    if (!recipient) {
      page(res, 400, text, `<p role="alert">${escape(text.invalid)}</p>`);
      return null;
    }
    return { text, recipient };
  };
  router.get('/unsubscribe/:token', async (req, res, next) => {
    try {
      const found = await check(req, res);
      if (!found) return;
      const action = `/unsubscribe/${encodeURIComponent(String(req.params.token))}`;
      page(
        res,
        200,
        found.text,
        `<p>${fill(found.text.ask, found.recipient.email)}</p>
<form method="post" action="${action}"><input type="hidden" name="scope" value="campaigns"><button type="submit">${escape(found.text.campaignsOnly)}</button></form>
<form method="post" action="${action}"><input type="hidden" name="scope" value="all"><button type="submit" class="secondary">${escape(found.text.everything)}</button></form>`,
      );
    } catch (err) {
      next(err);
    }
  });
  router.post('/unsubscribe/:token', express.urlencoded({ extended: false, limit: '4kb' }), async (req, res, next) => {
    try {
      const found = await check(req, res);
      if (!found) return;
      const oneClick = req.body?.['List-Unsubscribe'] === 'One-Click';
      const everything = !oneClick && req.body?.scope === 'all';
      await unsubscribeRecipient(ds, found.recipient.id, { everything, source: oneClick ? 'one-click' : 'unsubscribe page' });
      logger.info({ recipientId: found.recipient.id, oneClick, everything }, 'unsubscribed');
      page(res, 200, found.text, `<p role="status">${fill(everything ? found.text.doneAll : found.text.done, found.recipient.email)}</p>`);
    } catch (err) {
      next(err);
    }
  });
  return router;
}
