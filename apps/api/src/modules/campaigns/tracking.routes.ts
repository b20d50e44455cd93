import { Router } from 'express';
import { recordClick, recordOpen, verifyRecipientToken } from '@crm/db';
import { unsubscribePageText } from '@crm/shared';
import type { DataSource } from 'typeorm';
import type { Logger } from '../../logger';

/** A transparent 1x1 GIF. */
const PIXEL = Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64');
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Open and click tracking of campaign mail (public: the mail's reader is not signed in).
 * GET /t/o/:token answers the 1x1 image whatever happens, and counts an open when the token is
 * good. GET /t/c/:linkId/:token redirects only to the stored address of a link of the token's
 * recipient's campaign (an expired token still gets there, uncounted); anything else is refused
 * without a redirect.
 */
export function trackingRoutes(ds: DataSource, secret: string, logger: Logger): Router {
  const router = Router();
  router.get('/t/o/:token', async (req, res) => {
    const check = verifyRecipientToken(secret, String(req.params.token ?? ''), 'open');
    if (check.ok) await recordOpen(ds, check.recipientId).catch((err) => logger.warn({ err }, 'could not record an open'));
    res.status(200).type('image/gif').set('Cache-Control', 'no-store, private').send(PIXEL);
  });
  router.get('/t/c/:linkId/:token', async (req, res, next) => {
    try {
      const linkId = String(req.params.linkId ?? '');
      const check = UUID.test(linkId) ? verifyRecipientToken(secret, String(req.params.token ?? ''), `click:${linkId.toLowerCase()}`) : ({ ok: false, reason: 'INVALID' } as const);
      const recipientId = check.ok ? check.recipientId : check.reason === 'EXPIRED' ? String(req.params.token).split('.')[0] : null;
      const url = recipientId ? await recordClick(ds, recipientId, linkId.toLowerCase(), check.ok) : null;
      if (!url) {
        const text = unsubscribePageText(req.get('accept-language'));
        return void res.status(404).type('text/plain').set('Cache-Control', 'no-store').send(text.invalidLink);
      }
      res.set('Cache-Control', 'no-store, private').set('Referrer-Policy', 'no-referrer').redirect(302, url);
    } catch (err) {
      next(err);
    }
  });
  return router;
}
