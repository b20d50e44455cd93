import { atLeast, Role } from '@crm/shared';
import busboy from 'busboy';
import cookieParser from 'cookie-parser';
import { NextFunction, Request, Response, Router } from 'express';
import { viewerOf, type Viewer } from '@crm/db';
import { AppError, fileTooLarge, forbidden, notAuthenticated } from '../../graphql/errors';
import type { Logger } from '../../logger';
import type { Services } from '../../services';
import { SESSION_COOKIE } from '../auth/session-cookie';

const STATUS: Record<string, number> = { BAD_USER_INPUT: 400, UNAUTHENTICATED: 401, FORBIDDEN: 403, NOT_FOUND: 404 };
const MANAGERS = atLeast(Role.Manager);

/**
 * Import files over plain HTTP: the upload (multipart, one file, Admins and Managers) and the
 * rejects file of an import. Errors answer as JSON { error: { code, message, reason, params } }.
 */
export function importRoutes(services: Services, maxBytes: number, logger: Logger): Router {
  const router = Router();

  const viewer = async (req: Request): Promise<Viewer> => {
    const token = req.cookies?.[SESSION_COOKIE];
    const session = typeof token === 'string' && token ? await services.auth.session(token) : null;
    if (!session) throw notAuthenticated();
    if (!MANAGERS.includes(session.user.role)) throw forbidden();
    return viewerOf(session.user);
  };

  const handle = (fn: (req: Request, res: Response) => Promise<void>) => (req: Request, res: Response, next: NextFunction) =>
    fn(req, res).catch((err: unknown) => {
      if (res.headersSent) return next(err);
      if (err instanceof AppError) {
        const status = err.extensions.reason === 'FILE_TOO_LARGE' ? 413 : (STATUS[err.code] ?? 400);
        res.status(status).json({ error: { code: err.code, message: err.message, ...err.extensions } });
      } else {
        logger.error({ err }, 'import file request failed');
        res.status(500).json({ error: { code: 'INTERNAL_SERVER_ERROR', message: 'Something went wrong on our side. Please try again.' } });
      }
    });

  router.post(
    '/imports/upload',
    cookieParser(),
    handle(async (req, res) => {
      const who = await viewer(req);
      if (Number(req.headers['content-length'] ?? 0) > maxBytes + 64 * 1024) throw fileTooLarge(maxBytes);
      if (!req.is('multipart/form-data')) throw new AppError('BAD_USER_INPUT', 'Send the file as multipart/form-data.', { reason: 'UPLOAD_NOT_MULTIPART', params: {} });
      const upload = await new Promise((resolve, reject) => {
        const bb = busboy({ headers: req.headers, limits: { files: 1, fileSize: maxBytes, fields: 5 } });
        let got = false;
        bb.on('file', (_name, stream, info) => {
          got = true;
          services.imports.upload(who, Buffer.from(info.filename ?? '', 'latin1').toString('utf8'), stream).then(resolve, reject);
        });
        bb.on('error', reject);
        bb.on('close', () => {
          if (!got) reject(new AppError('BAD_USER_INPUT', 'Choose a file to upload.', { reason: 'IMPORT_NO_FILE', params: {} }));
        });
        req.pipe(bb);
      });
      res.status(201).json({ upload });
    }),
  );

  router.get(
    '/imports/:id/rejects',
    cookieParser(),
    handle(async (req, res) => {
      const id = String(req.params.id);
      if (!/^[0-9a-f-]{36}$/i.test(id)) throw new AppError('NOT_FOUND', 'Import not found.');
      const file = await services.imports.rejects(await viewer(req), id);
      const ascii = file.fileName.replace(/[^\x20-\x7e]/g, '_').replace(/"/g, "'");
      res.setHeader('Content-Type', file.mimeType);
      res.setHeader('Content-Length', String(file.body.length));
      res.setHeader('Content-Disposition', `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`);
      res.setHeader('X-Content-Type-Options', 'nosniff');
      res.setHeader('Cache-Control', 'private, no-store');
      res.end(file.body);
    }),
  );

  return router;
}
