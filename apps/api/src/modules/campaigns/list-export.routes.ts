import cookieParser from 'cookie-parser';
import { Router } from 'express';
import { loadAudienceRule, viewerOf, writeAddressLabels, writeListExport } from '@crm/db';
import { isAtLeast, Role } from '@crm/shared';
import type { DataSource } from 'typeorm';
import type { Logger } from '../../logger';
import type { Services } from '../../services';
import { SESSION_COOKIE } from '../auth/session-cookie';

const TYPES = { csv: 'text/csv; charset=utf-8', xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', pdf: 'application/pdf' } as const;

/**
 * GET /lists/:id/export?format=csv|xlsx: a list as its channel needs it (mail merge, E.164 numbers,
 * addresses), for signed-in Normal users and up, with the clients the user may see only;
 * format=pdf: a postal list's address labels (A4, 3 x 8), streamed as they are drawn.
 */
export function listExportRoutes(services: Services, ds: DataSource, logger: Logger): Router {
  const router = Router();
  router.get('/lists/:id/export', cookieParser(), async (req, res, next) => {
    try {
      const token = req.cookies?.[SESSION_COOKIE];
      const session = typeof token === 'string' && token ? await services.auth.session(token) : null;
      if (!session) return void res.status(401).json({ error: { code: 'UNAUTHENTICATED', message: 'You are not signed in.' } });
      if (!isAtLeast(session.user.role as Role, Role.Normal)) return void res.status(403).json({ error: { code: 'FORBIDDEN', message: 'You may not do this.' } });
      const format = req.query.format === 'xlsx' ? 'xlsx' : req.query.format === 'csv' ? 'csv' : req.query.format === 'pdf' ? 'pdf' : null;
      const id = String(req.params.id);
      const list = /^[0-9a-f-]{36}$/i.test(id) ? await loadAudienceRule(ds.manager, id) : null;
      if (!format) return void res.status(400).json({ error: { code: 'BAD_USER_INPUT', message: 'Ask for format=csv, format=xlsx or format=pdf.' } });
      if (!list || list.archived_at) return void res.status(404).json({ error: { code: 'NOT_FOUND', message: 'List not found.' } });
      if (format === 'pdf' && list.channel !== 'POSTAL') return void res.status(400).json({ error: { code: 'BAD_USER_INPUT', reason: 'LABELS_NEED_POSTAL_LIST', message: 'Address labels are printed for a postal list.' } });
      const [{ name }] = await ds.query(`SELECT name FROM distribution_lists WHERE id = $1`, [id]);
      const file = `${name}-${format === 'pdf' ? 'labels' : list.channel.toLowerCase()}.${format}`;
      res.setHeader('Content-Type', TYPES[format]);
      res.setHeader('Content-Disposition', `attachment; filename="${file.replace(/[^\x20-\x7e]/g, '_').replace(/"/g, "'")}"; filename*=UTF-8''${encodeURIComponent(file)}`);
      res.setHeader('Cache-Control', 'private, no-store');
      const viewer = viewerOf(session.user);
      const rows = format === 'pdf' ? await writeAddressLabels(ds, viewer, { ...list, name }, res) : await writeListExport(ds, viewer, { ...list, name }, format, session.user.locale ?? 'en', res);
      logger.info({ userId: session.user.id, listId: id, format, rows }, 'list export done');
    } catch (err) {
      if (res.headersSent) {
        logger.warn({ err }, 'list export stopped');
        return void res.destroy();
      }
      next(err);
    }
  });
  return router;
}
