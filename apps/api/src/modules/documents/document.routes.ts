import busboy from 'busboy';
import cookieParser from 'cookie-parser';
import { NextFunction, Request, Response, Router } from 'express';
import { isUtf8 } from 'node:buffer';
import type { Readable } from 'node:stream';
import { AppError, fileTooLarge, notAuthenticated } from '../../graphql/errors';
import type { Logger } from '../../logger';
import type { Services } from '../../services';
import { viewerOf, type Viewer } from '@crm/db';
import { SESSION_COOKIE } from '../auth/session-cookie';
import type { DocumentService } from './document.service';
import { INLINE_TYPES } from './file-type';

const STATUS: Record<string, number> = { BAD_USER_INPUT: 400, UNAUTHENTICATED: 401, FORBIDDEN: 403, NOT_FOUND: 404, CONFLICT: 409, TOO_MANY_REQUESTS: 429 };

/**
 * Files over plain HTTP: upload (multipart, one file), view or download for signed-in users who may
 * see the client, and public links. Errors answer as JSON { error: { code, message } }.
 */
export function documentRoutes(services: Services, maxBytes: number, logger: Logger): Router {
  const router = Router();
  const documents: DocumentService = services.documents;

  const viewer = async (req: Request): Promise<Viewer> => {
    const token = req.cookies?.[SESSION_COOKIE];
    const session = typeof token === 'string' && token ? await services.auth.session(token) : null;
    if (!session) throw notAuthenticated();
    return viewerOf(session.user);
  };

  const handle = (fn: (req: Request, res: Response) => Promise<void>) => (req: Request, res: Response, next: NextFunction) =>
    fn(req, res).catch((err: unknown) => {
      if (res.headersSent) return next(err);
      if (err instanceof AppError) {
        const status = err.extensions.reason === 'FILE_TOO_LARGE' ? 413 : (STATUS[err.code] ?? 400);
        res.status(status).json({ error: { code: err.code, message: err.message, ...err.extensions } });
      } else {
        logger.error({ err }, 'file request failed');
        res.status(500).json({ error: { code: 'INTERNAL_SERVER_ERROR', message: 'Something went wrong on our side. Please try again.' } });
      }
    });

  const send = async (res: Response, doc: { name: string; mimeType: string; size: string }, body: Readable, download: boolean) => {
    const inline = !download && INLINE_TYPES.has(doc.mimeType);
    const ascii = doc.name.replace(/[^\x20-\x7e]/g, '_').replace(/"/g, "'");
    // Text says its encoding, or the browser guesses (and shows UTF-8 accents as mojibake).
    const text = doc.mimeType.startsWith('text/') ? await readAll(body) : null;
    res.setHeader('Content-Type', text && isUtf8(text) ? `${doc.mimeType}; charset=utf-8` : doc.mimeType);
    res.setHeader('Content-Length', doc.size);
    res.setHeader('Content-Disposition', `${inline ? 'inline' : 'attachment'}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(doc.name)}`);
    res.setHeader('X-Content-Type-Options', 'nosniff');
    // A file shown in place runs nothing of its own.
    res.setHeader('Content-Security-Policy', "sandbox; default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; plugin-types application/pdf");
    res.setHeader('Cache-Control', 'private, no-store');
    if (text) res.end(text);
    else body.pipe(res);
  };

  router.post(
    '/files',
    cookieParser(),
    handle(async (req, res) => {
      const who = await viewer(req);
      const { clientId, pipelineId, folder = '' } = req.query as Record<string, string | undefined>;
      const uuid = /^[0-9a-f-]{36}$/i;
      if (!clientId || !uuid.test(clientId) || !pipelineId || !uuid.test(pipelineId)) throw new AppError('BAD_USER_INPUT', 'Say which client and pipeline the file is for.', { reason: 'UPLOAD_TARGET_MISSING' });
      if (typeof folder !== 'string' || folder.length > 200 || /[/\\\u0000]/.test(folder)) throw new AppError('BAD_USER_INPUT', 'A folder name cannot contain slashes.', { reason: 'FOLDER_NAME_SLASH' });
      if (Number(req.headers['content-length'] ?? 0) > maxBytes + 64 * 1024) throw fileTooLarge(maxBytes);
      if (!req.is('multipart/form-data')) throw new AppError('BAD_USER_INPUT', 'Send the file as multipart/form-data.', { reason: 'UPLOAD_NOT_MULTIPART' });

      const doc = await new Promise((resolve, reject) => {
        const bb = busboy({ headers: req.headers, limits: { files: 1, fileSize: maxBytes + 1, fields: 5 } });
        let got = false;
        bb.on('file', (_name, stream, info) => {
          got = true;
          documents.upload(who, { clientId, pipelineId, folder, fileName: Buffer.from(info.filename ?? '', 'latin1').toString('utf8'), stream }).then(resolve, reject);
        });
        bb.on('error', reject);
        bb.on('close', () => {
          if (!got) reject(new AppError('BAD_USER_INPUT', 'Choose a file to upload.', { reason: 'UPLOAD_NO_FILE' }));
        });
        req.pipe(bb);
      });
      res.status(201).json({ document: doc });
    }),
  );

  router.get(
    '/files/:id',
    cookieParser(),
    handle(async (req, res) => {
      const id = String(req.params.id);
      if (!/^[0-9a-f-]{36}$/i.test(id)) throw new AppError('NOT_FOUND', 'Document not found.');
      const { doc, body } = await documents.open(await viewer(req), id);
      await send(res, doc, body, req.query.download !== undefined);
    }),
  );

  router.get(
    '/public/files/:token',
    handle(async (req, res) => {
      const { doc, body } = await documents.openPublic(String(req.params.token));
      await send(res, doc, body, req.query.download !== undefined);
    }),
  );

  return router;
}


/** A stream's bytes (text documents, at most the upload limit). */
async function readAll(body: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of body) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk));
  return Buffer.concat(chunks);
}
