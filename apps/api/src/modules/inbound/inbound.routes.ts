import express, { Router } from 'express';
import { SMTPServer } from 'smtp-server';
import { AppError } from '../../graphql/errors';
import { jsonErrors, sameSecret } from '../../http/security';
import type { Logger } from '../../logger';
import type { InboundService } from './inbound.service';


/**
 * POST /inbound/mail with a raw RFC 822 message as the body (Content-Type: message/rfc822), for a
 * mail provider's webhook or a local MTA. Needs the header `Authorization: Bearer <INBOUND_TOKEN>`;
 * without INBOUND_TOKEN configured the endpoint does not exist. Bad mail is stored, not refused:
 * only an empty or over-size body (413, INBOUND_MAX_MB) is turned away.
 */
export function inboundRoutes(inbound: InboundService, token: string | null, maxBytes: number, logger: Logger): Router {
  const router = Router();
  if (!token) return router;
  const authorised: express.RequestHandler = (req, res, next) => {
    const given = String(req.headers.authorization ?? '').replace(/^Bearer\s+/i, '');
    if (!sameSecret(given, token)) return void res.status(401).json({ error: { code: 'UNAUTHENTICATED', message: 'A valid inbound token is required.' } });
    next();
  };
  router.post('/inbound/mail', authorised, express.raw({ type: () => true, limit: maxBytes }), async (req, res) => {
    if (!Buffer.isBuffer(req.body) || req.body.length === 0) return void res.status(400).json({ error: { code: 'BAD_USER_INPUT', message: 'Send the raw message as the body.' } });
    try {
      res.status(202).json(await inbound.receive(req.body));
    } catch (err) {
      if (err instanceof AppError) return void res.status(err.code === 'PAYLOAD_TOO_LARGE' ? 413 : 400).json({ error: { code: err.code, message: err.message } });
      logger.error({ err }, 'inbound mail failed');
      res.status(500).json({ error: { code: 'INTERNAL_SERVER_ERROR', message: 'Something went wrong on our side.' } });
    }
  });
  router.use('/inbound', jsonErrors(logger));
  return router;
}

/** An SMTP listener for incoming mail (INBOUND_SMTP_PORT); every accepted message goes through `receive`. */
export async function startInboundSmtp(inbound: InboundService, port: number, host: string, maxBytes: number, logger: Logger): Promise<{ port: number; close(): Promise<void> }> {
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['AUTH', 'STARTTLS'],
    size: maxBytes,
    logger: false,
    onData(stream, _session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        if ((stream as unknown as { sizeExceeded?: boolean }).sizeExceeded) return callback(Object.assign(new Error('Message too large'), { responseCode: 552 }));
        inbound.receive(Buffer.concat(chunks)).then(
          () => callback(),
          (err) => {
            logger.warn({ err: (err as Error).message }, 'inbound SMTP message refused');
            callback(Object.assign(new Error('Message refused'), { responseCode: err instanceof AppError ? 552 : 451 }));
          },
        );
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(port, host, resolve));
  const address = server.server.address();
  return {
    port: typeof address === 'object' && address ? address.port : port,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
