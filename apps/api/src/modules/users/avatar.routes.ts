import cookieParser from 'cookie-parser';
import { Router } from 'express';
import type { Logger } from '../../logger';
import type { Services } from '../../services';
import { SESSION_COOKIE } from '../auth/session-cookie';

/** GET /files/avatars/:userId: a user's profile photo, for signed-in users (the address changes with each upload). */
export function avatarRoutes(services: Services, logger: Logger): Router {
  const router = Router();
  router.get('/files/avatars/:userId', cookieParser(), async (req, res) => {
    try {
      const token = req.cookies?.[SESSION_COOKIE];
      const session = typeof token === 'string' && token ? await services.auth.session(token) : null;
      if (!session) {
        res.status(401).json({ error: { code: 'UNAUTHENTICATED', message: 'You are not signed in.' } });
        return;
      }
      const userId = String(req.params.userId);
      const photo = /^[0-9a-f-]{36}$/i.test(userId) ? await services.users.photo(userId) : null;
      if (!photo) {
        res.status(404).json({ error: { code: 'NOT_FOUND', message: 'No photo.' } });
        return;
      }
      res.setHeader('Content-Type', photo.type);
      res.setHeader('X-Content-Type-Options', 'nosniff');
      res.setHeader('Content-Security-Policy', "sandbox; default-src 'none'");
      res.setHeader('Cache-Control', 'private, max-age=86400');
      photo.body.pipe(res);
    } catch (err) {
      logger.error({ err }, 'avatar request failed');
      if (!res.headersSent) res.status(500).json({ error: { code: 'INTERNAL_SERVER_ERROR', message: 'Something went wrong on our side. Please try again.' } });
    }
  });
  return router;
}
