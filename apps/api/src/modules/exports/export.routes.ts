import { EXPORT_FORMATS, ExportError, exportJobFile, prepareExport, viewerOf, type ExportRequest, type FileStorage } from '@crm/db';
import cookieParser from 'cookie-parser';
import express, { NextFunction, Request, Response, Router } from 'express';
import type { DataSource } from 'typeorm';
import { z } from 'zod';
import { AppError, notAuthenticated } from '../../graphql/errors';
import type { Logger } from '../../logger';
import type { Services } from '../../services';
import { SESSION_COOKIE } from '../auth/session-cookie';

const STATUS: Record<string, number> = { BAD_USER_INPUT: 400, UNAUTHENTICATED: 401, FORBIDDEN: 403, NOT_FOUND: 404 };

const uuid = z.string().uuid();
const ids = z.array(uuid).max(500).optional();
const sort = z.object({ field: z.string().max(40), direction: z.enum(['ASC', 'DESC']).default('ASC'), customFieldId: uuid.nullish() }).nullish();
const columns = z.array(z.string().max(60)).max(60).nullish();
const labelFilter = { categoryIds: ids, tagIds: ids, classificationIds: ids, departmentIds: ids, text: z.string().max(200).optional() };
const cardFilter = z
  .object({
    ...labelFilter,
    statusIds: ids,
    ownerIds: ids,
    unowned: z.boolean().optional(),
    todoAssigneeId: uuid.optional(),
    outcomes: z.array(z.enum(['OPEN', 'WON', 'LOST'])).optional(),
    createdFrom: z.string().datetime({ offset: true }).optional(),
    createdTo: z.string().datetime({ offset: true }).optional(),
    enteredStatusIds: ids,
    enteredFrom: z.string().datetime({ offset: true }).optional(),
    enteredTo: z.string().datetime({ offset: true }).optional(),
    statusChangedFrom: z.string().datetime({ offset: true }).optional(),
    statusChangedTo: z.string().datetime({ offset: true }).optional(),
    custom: z.array(z.object({ fieldId: uuid, value: z.unknown() })).max(20).optional(),
  })
  .nullish();
const clientFilter = z.object({ ...labelFilter, ownerIds: ids, type: z.enum(['COMPANY', 'PERSON']).optional() }).nullish();

/** What an export request may ask: the same filters, sorts and columns as the lists' GraphQL inputs. */
export const requestSchema = z.object({
  format: z.enum(EXPORT_FORMATS),
  source: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('cards'), pipelineId: uuid, filter: cardFilter, sort, columns }),
    z.object({ kind: z.literal('clients'), filter: clientFilter, sort, columns }),
    z.object({ kind: z.literal('view'), viewId: uuid }),
  ]),
});

/** A GET's query string as the request body: source, format, and filter/sort as JSON, columns comma-separated. */
function fromQuery(q: Record<string, unknown>): unknown {
  const json = (v: unknown) => {
    if (typeof v !== 'string' || !v) return undefined;
    try {
      return JSON.parse(v);
    } catch {
      return Symbol('invalid');
    }
  };
  const str = (v: unknown) => (typeof v === 'string' ? v : undefined);
  return {
    format: str(q.format) ?? 'csv',
    source: {
      kind: str(q.source),
      pipelineId: str(q.pipelineId),
      viewId: str(q.viewId),
      filter: json(q.filter),
      sort: json(q.sort),
      columns: str(q.columns)?.split(',').filter(Boolean),
    },
  };
}

/** An Origin of this very site (the Host the browser spoke to), so another site cannot post here. */
function sameOrigin(req: Request, trustProxy: boolean): boolean {
  const origin = req.get('origin');
  if (!origin) return false;
  const forwarded = trustProxy ? req.get('x-forwarded-host')?.split(',')[0].trim() : undefined;
  const host = forwarded ?? req.get('host');
  try {
    return !!host && new URL(origin).host === host;
  } catch {
    return false;
  }
}

/**
 * Downloads of a card list, a saved view or the client list: GET /exports?source=...&format=...
 * (a plain link) or POST /exports with the same as JSON (Origin-checked). Signed-in admins and
 * managers only; the file streams as it is written, with no row cap, and stops (ending the
 * database query) when the browser goes away. Errors before the first byte answer as JSON.
 */
export function exportRoutes(services: Services, ds: DataSource, logger: Logger, storage?: FileStorage): Router {
  const router = Router();
  const options = { timeZone: services.config.timeZone, trustProxy: services.config.trustProxy };

  const handle = (read: (req: Request) => unknown) => async (req: Request, res: Response, next: NextFunction) => {
    try {
      const token = req.cookies?.[SESSION_COOKIE];
      const session = typeof token === 'string' && token ? await services.auth.session(token) : null;
      if (!session) throw notAuthenticated();
      const parsed = requestSchema.safeParse(read(req));
      if (!parsed.success) throw new AppError('BAD_USER_INPUT', 'The export request is not valid.', { reason: 'EXPORT_REQUEST_INVALID', issues: parsed.error.issues.map((i) => i.path.join('.')) });
      const viewer = viewerOf(session.user);
      const prepared = await prepareExport(ds, viewer, { ...(parsed.data as ExportRequest), timeZone: options.timeZone, language: session.user.locale });

      res.setHeader('Content-Type', prepared.contentType);
      const ascii = prepared.fileName.replace(/[^\x20-\x7e]/g, '_').replace(/"/g, "'");
      res.setHeader('Content-Disposition', `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(prepared.fileName)}`);
      res.setHeader('Cache-Control', 'private, no-store');
      res.setHeader('X-Content-Type-Options', 'nosniff');
      const started = Date.now();
      try {
        const result = await prepared.run(res);
        logger.info({ userId: viewer.id, source: parsed.data.source.kind, format: parsed.data.format, rows: result.rows, bytes: result.bytes, ms: Date.now() - started, replaced: result.replaced.replaced }, 'export done');
      } catch (err) {
        // The browser went away (or the stream broke): the engine has ended its query already.
        logger.info({ userId: viewer.id, err: (err as Error).message }, 'export stopped before its end');
        if (!res.destroyed) res.destroy();
      }
    } catch (err) {
      if (res.headersSent) return next(err);
      if (err instanceof AppError || err instanceof ExportError) {
        const extensions = err instanceof AppError ? err.extensions : {};
        res.status(STATUS[err.code] ?? 400).json({ error: { code: err.code, message: err.message, ...extensions } });
      } else {
        logger.error({ err }, 'export failed');
        res.status(500).json({ error: { code: 'INTERNAL_SERVER_ERROR', message: 'Something went wrong on our side. Please try again.' } });
      }
    }
  };

  // The file of an export prepared in the background: its creator or an admin, 404 for anyone else.
  router.get('/exports/jobs/:id/file', cookieParser(), async (req, res, next) => {
    try {
      const token = req.cookies?.[SESSION_COOKIE];
      const session = typeof token === 'string' && token ? await services.auth.session(token) : null;
      if (!session) throw notAuthenticated();
      const id = uuid.safeParse(req.params.id);
      const file = id.success && storage ? await exportJobFile(ds.manager, viewerOf(session.user), id.data) : null;
      if (!file || !storage) {
        res.status(404).json({ error: { code: 'NOT_FOUND', message: 'Export not found.' } });
        return;
      }
      const body = await storage.get(file.key);
      res.setHeader('Content-Type', file.contentType);
      const ascii = file.fileName.replace(/[^\x20-\x7e]/g, '_').replace(/"/g, "'");
      res.setHeader('Content-Disposition', `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`);
      res.setHeader('Cache-Control', 'private, no-store');
      res.setHeader('X-Content-Type-Options', 'nosniff');
      body.on('error', (err) => next(err));
      body.pipe(res);
    } catch (err) {
      if (err instanceof AppError) res.status(STATUS[err.code] ?? 400).json({ error: { code: err.code, message: err.message } });
      else next(err);
    }
  });

  router.get('/exports', cookieParser(), handle((req) => fromQuery(req.query as Record<string, unknown>)));
  router.post(
    '/exports',
    (req, res, next) => {
      if (sameOrigin(req, options.trustProxy)) return next();
      res.status(403).json({ error: { code: 'FORBIDDEN', message: 'Exports are started from this site only.' } });
    },
    cookieParser(),
    express.json({ limit: '64kb' }),
    handle((req) => req.body),
  );
  return router;
}
