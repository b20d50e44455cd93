import { Role } from '@crm/shared';
import cookieParser from 'cookie-parser';
import { Router } from 'express';
import { z } from 'zod';
import { AppError, forbidden, notAuthenticated } from '../../graphql/errors';
import type { Logger } from '../../logger';
import type { Services } from '../../services';
import { SESSION_COOKIE } from '../auth/session-cookie';
import { PersonalDataKind } from './privacy.types';

const STATUS: Record<string, number> = { BAD_USER_INPUT: 400, UNAUTHENTICATED: 401, FORBIDDEN: 403, NOT_FOUND: 404 };
const query = z.object({ kind: z.nativeEnum(PersonalDataKind), id: z.string().uuid() });

/**
 * GET /privacy/export?kind=CLIENT&id=...: everything held about a client or contact as a zip, for the
 * signed-in admin who asks (nothing is kept on the server, so the download is theirs alone).
 */
export function privacyRoutes(services: Services, logger: Logger): Router {
  const router = Router();
  router.get('/privacy/export', cookieParser(), async (req, res, next) => {
    try {
      const token = req.cookies?.[SESSION_COOKIE];
      const session = typeof token === 'string' && token ? await services.auth.session(token) : null;
      if (!session) throw notAuthenticated();
      if (session.user.role !== Role.Admin) throw forbidden();
      const parsed = query.safeParse(req.query);
      if (!parsed.success) throw new AppError('BAD_USER_INPUT', 'The export request is not valid.', { reason: 'EXPORT_REQUEST_INVALID' });
      const archive = await services.privacy.exportArchive(parsed.data.kind, parsed.data.id);
      res.setHeader('Content-Type', archive.contentType);
      res.setHeader('Content-Disposition', `attachment; filename="${archive.fileName}"`);
      res.setHeader('Cache-Control', 'private, no-store');
      res.setHeader('X-Content-Type-Options', 'nosniff');
      const bytes = await archive.write(res);
      // Who exported whose data is worth knowing; the data itself is not logged.
      logger.info({ userId: session.user.id, kind: parsed.data.kind, subjectId: parsed.data.id, bytes }, 'personal data exported');
    } catch (err) {
      if (res.headersSent) {
        if (!res.destroyed) res.destroy();
        return;
      }
      if (err instanceof AppError) res.status(STATUS[err.code] ?? 400).json({ error: { code: err.code, message: err.message, ...err.extensions } });
      else next(err);
    }
  });
  return router;
}
