import type { NextFunction, Request, RequestHandler, Response } from 'express';
import type { Logger } from '../../logger';
import type { Services } from '../../services';

const refuse = (res: Response, status: number, code: string, message: string, extra: Record<string, unknown> = {}) =>
  res.status(status).json({ errors: [{ message, extensions: { code, ...extra } }] });

/**
 * `Authorization: Bearer crm_...` on /graphql: finds the key, counts the request against its rate
 * limit (RateLimit and RateLimit-Policy headers on every answer, 429 past the limit) and leaves the
 * key in res.locals for the context. Requests without the header go on to the cookie session.
 */
export function apiKeyAuth(services: Services, logger: Logger): RequestHandler {
  return async (req: Request, res: Response, next: NextFunction) => {
    const header = req.headers.authorization;
    if (!header) return next();
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    try {
      const keyed = match ? await services.apiKeys.authenticate(match[1]) : null;
      if (!keyed) return refuse(res.setHeader('WWW-Authenticate', 'Bearer'), 401, 'UNAUTHENTICATED', 'The API key is unknown, revoked or expired.', { reason: 'API_KEY_INVALID' });
      const rate = await services.apiKeyLimiter.hit(keyed.key.id);
      for (const [name, value] of Object.entries(rate.headers)) res.setHeader(name, value);
      if (!rate.allowed) {
        res.setHeader('Retry-After', String(rate.resetSeconds));
        return refuse(res, 429, 'TOO_MANY_REQUESTS', `This API key made too many requests. Try again in ${rate.resetSeconds} seconds.`, {
          reason: 'API_KEY_RATE_LIMITED',
          retryAfterSeconds: rate.resetSeconds,
        });
      }
      res.locals.apiKey = keyed;
      next();
    } catch (err) {
      logger.error({ err }, 'API key check failed');
      refuse(res, 503, 'SERVICE_UNAVAILABLE', 'The API key could not be checked. Please try again.');
    }
  };
}
