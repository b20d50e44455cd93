// What every HTTP answer and every state-changing plain-HTTP route share: security headers, the
// same-origin check against cross-site requests, secret comparison and clean JSON errors.
import type { ErrorRequestHandler, NextFunction, Request, RequestHandler, Response } from 'express';
import helmet from 'helmet';
import { createHash, timingSafeEqual } from 'node:crypto';
import type { Logger } from '../logger';

/**
 * Security headers (helmet): no framing by anyone, no MIME sniffing, no referrer, and a content
 * policy the built single-page app works with (its scripts and styles are files from this origin;
 * React sets styles through the DOM; mail previews render in sandboxed srcdoc frames).
 */
export function securityHeaders(https: boolean): RequestHandler {
  return helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:', 'https:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        ...(https ? { upgradeInsecureRequests: [] } : {}),
      },
    },
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'no-referrer' },
    // Over plain HTTP (a local install) a Strict-Transport-Security header would be a lie.
    strictTransportSecurity: https ? { maxAge: 180 * 24 * 3600 } : false,
  });
}

/** The host a request was addressed to (the proxy's, when we sit behind a trusted one). */
function ownHost(req: Request): string | undefined {
  const forwarded = req.app.get('trust proxy') ? req.get('x-forwarded-host')?.split(',')[0]?.trim() : undefined;
  return forwarded || req.get('host');
}

function originHost(value: string | undefined): string | null {
  if (!value || value === 'null') return null;
  try {
    return new URL(value).host;
  } catch {
    return null;
  }
}

/**
 * Refuses a state-changing request that a browser sent from another origin (another site, or
 * another port of this host). Browsers send Origin with every POST; when it is missing the
 * Referer must name us; a request with neither is refused too (fail closed). GET and HEAD pass.
 */
export function sameOriginOnly(): RequestHandler {
  return (req: Request, res: Response, next: NextFunction) => {
    if (req.method === 'GET' || req.method === 'HEAD' || req.method === 'OPTIONS') return next();
    const from = originHost(req.get('origin')) ?? originHost(req.get('referer'));
    if (from && from === ownHost(req)) return next();
    res.status(403).json({ error: { code: 'FORBIDDEN', reason: 'CROSS_ORIGIN', message: 'This request must come from the app itself.' } });
  };
}

/**
 * Compares a secret someone sent with ours in constant time, whatever either holds: both are
 * hashed first, so lengths and non-ASCII bytes neither throw nor show in the timing.
 */
export function sameSecret(given: string, expected: string): boolean {
  const digest = (s: string) => createHash('sha256').update(s, 'utf8').digest();
  return timingSafeEqual(digest(given), digest(expected));
}

const STATUS_CODES: Record<number, string> = { 400: 'BAD_USER_INPUT', 401: 'UNAUTHENTICATED', 403: 'FORBIDDEN', 404: 'NOT_FOUND', 413: 'PAYLOAD_TOO_LARGE', 415: 'BAD_USER_INPUT' };

/**
 * The last error handler: whatever went wrong before a route answered (malformed JSON, a body over
 * the limit, a bug) answers as JSON { error: { code, message } }, never as a page with a stack.
 */
export function jsonErrors(logger: Logger): ErrorRequestHandler {
  return (err: unknown, req, res, next) => {
    if (res.headersSent) return next(err);
    const e = err as { status?: number; statusCode?: number; type?: string; expose?: boolean };
    const status = Number(e.status ?? e.statusCode);
    if (status >= 400 && status < 500) {
      const reason = e.type === 'entity.too.large' ? 'BODY_TOO_LARGE' : e.type === 'entity.parse.failed' ? 'MALFORMED_JSON' : undefined;
      const message = reason === 'BODY_TOO_LARGE' ? 'The request is too large.' : reason === 'MALFORMED_JSON' ? 'The request body is not valid JSON.' : 'The request is not valid.';
      res.status(status).json({ error: { code: STATUS_CODES[status] ?? 'BAD_USER_INPUT', ...(reason ? { reason } : {}), message } });
      return;
    }
    logger.error({ err, path: req.path }, 'unhandled error in an HTTP request');
    res.status(500).json({ error: { code: 'INTERNAL_SERVER_ERROR', message: 'Something went wrong on our side. Please try again.' } });
  };
}

/** Answers what no route took as JSON (GETs outside the API fall through to the app before this). */
export const notFoundJson: RequestHandler = (_req, res) => {
  res.status(404).json({ error: { code: 'NOT_FOUND', message: 'Nothing here.' } });
};
