import { useServer } from 'graphql-ws/use/ws';
import { GraphQLError, Kind, parse, specifiedRules, validate, type DocumentNode, type ExecutionArgs, type GraphQLSchema, type OperationDefinitionNode } from 'graphql';
import type { IncomingMessage, Server } from 'node:http';
import { WebSocketServer, type WebSocket } from 'ws';
import type { Context } from '../../graphql/context';
import { depthLimit } from '../../graphql/depth-limit';
import { AppError, createErrorFormatter } from '../../graphql/errors';
import type { Logger } from '../../logger';
import type { Services } from '../../services';
import { SESSION_COOKIE } from '../auth/session-cookie';
import type { SessionInfo } from '../auth/auth.service';

/** How often an open socket's session is checked again (a logout or expiry closes the socket). */
export const SESSION_RECHECK_MS = 60_000;
/** Open subscriptions per socket (a board and a client card need two). */
export const MAX_SUBSCRIPTIONS = 20;
/** Close code for a socket whose session ended (graphql-ws's client does not retry it). */
const SESSION_ENDED = 4401;

interface SocketExtra {
  socket: WebSocket;
  request: IncomingMessage;
  session?: SessionInfo;
  token?: string;
  recheck?: NodeJS.Timeout;
}

export interface LiveSocketOptions {
  schema: GraphQLSchema;
  services: Services;
  logger: Logger;
  maxDepth: number;
  /** Behind a trusted proxy, X-Forwarded-Host names our host. */
  trustProxy: boolean;
}

/**
 * GraphQL subscriptions over WebSocket (graphql-ws protocol) at /graphql on the API's own HTTP
 * server. Only subscriptions: queries and mutations keep going over HTTP, where the cost limit,
 * API-key scopes and CSRF rules apply. A socket is opened only from our own origin and only with
 * a session cookie (API keys are not accepted here: integrations use webhooks); the session is
 * checked again every minute and on every subscribe.
 */
export function attachLiveSocket(httpServer: Server, { schema, services, logger, maxDepth, trustProxy }: LiveSocketOptions) {
  const wss = new WebSocketServer({ noServer: true, maxPayload: 64 * 1024 });
  const onUpgrade = (req: IncomingMessage, socket: import('node:stream').Duplex, head: Buffer) => {
    if (new URL(req.url ?? '/', 'http://x').pathname !== '/graphql') return;
    if (!fromOwnOrigin(req, trustProxy)) {
      socket.end('HTTP/1.1 403 Forbidden\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req));
  };
  httpServer.on('upgrade', onUpgrade);

  const formatError = createErrorFormatter(logger);
  const rules = [...specifiedRules, depthLimit(maxDepth)];
  const sessionOf = async (extra: SocketExtra) => {
    const session = extra.token ? await services.auth.session(extra.token) : null;
    extra.session = session ?? undefined;
    return session;
  };

  const disposable = useServer<Record<string, unknown> | undefined, Partial<SocketExtra>>(
    {
      schema,
      async onConnect(ctx) {
        const extra = ctx.extra as SocketExtra;
        extra.token = sessionToken(extra.request);
        if (!(await sessionOf(extra))) return false; // 4403 Forbidden
        extra.recheck = setInterval(() => {
          sessionOf(extra)
            .then((s) => {
              if (!s) extra.socket.close(SESSION_ENDED, 'Unauthorized');
            })
            .catch((err) => logger.warn({ err }, 'live socket: session check failed'));
        }, SESSION_RECHECK_MS);
        extra.recheck.unref();
        return true;
      },
      onClose(ctx) {
        const extra = ctx.extra as SocketExtra;
        if (extra.recheck) clearInterval(extra.recheck);
      },
      async onSubscribe(ctx, _id, payload): Promise<ExecutionArgs | readonly GraphQLError[]> {
        const extra = ctx.extra as SocketExtra;
        if (Object.keys(ctx.subscriptions).length >= MAX_SUBSCRIPTIONS) {
          const refusal = new AppError('BAD_USER_INPUT', `At most ${MAX_SUBSCRIPTIONS} subscriptions per connection.`, { reason: 'TOO_MANY_SUBSCRIPTIONS', max: MAX_SUBSCRIPTIONS });
          return [new GraphQLError(refusal.message, { originalError: refusal })];
        }
        let document: DocumentNode;
        try {
          document = parse(payload.query);
        } catch (err) {
          return [err as GraphQLError];
        }
        const errors = validate(schema, document, rules);
        if (errors.length) return errors;
        const operation = document.definitions.find(
          (d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION && (!payload.operationName || d.name?.value === payload.operationName),
        );
        if (operation?.operation !== 'subscription') {
          const refusal = new AppError('BAD_USER_INPUT', 'Only subscriptions go over the WebSocket; send queries and mutations over HTTP.', { reason: 'NOT_A_SUBSCRIPTION' });
          return [new GraphQLError(refusal.message, { originalError: refusal })];
        }
        const session = await sessionOf(extra);
        const contextValue: Context = {
          req: extra.request as unknown as Context['req'],
          res: undefined as unknown as Context['res'],
          user: session?.user ?? null,
          sessionTokenHash: session?.tokenHash ?? null,
          services,
        };
        return { schema, document, operationName: payload.operationName, variableValues: payload.variables, contextValue };
      },
      onNext(_ctx, _id, _payload, _args, result) {
        if (!result.errors?.length) return;
        return { ...result, errors: result.errors.map((e) => formatError(e.toJSON(), e)) };
      },
      onError(_ctx, _id, _payload, errors) {
        return errors.map((e) => formatError(e.toJSON(), e));
      },
    },
    wss,
  );

  return {
    async close() {
      httpServer.off('upgrade', onUpgrade);
      for (const client of wss.clients) client.terminate();
      await disposable.dispose();
    },
  };
}

function sessionToken(req: IncomingMessage): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === SESSION_COOKIE) {
      try {
        return decodeURIComponent(part.slice(eq + 1).trim()) || undefined;
      } catch {
        return undefined;
      }
    }
  }
  return undefined;
}

/**
 * Browsers send cookies with cross-site WebSocket handshakes and do not apply CORS to them: a
 * socket must come from a page of our own origin (Origin's host is the Host we were addressed as).
 */
function fromOwnOrigin(req: IncomingMessage, trustProxy: boolean): boolean {
  const origin = req.headers.origin;
  if (!origin) return false;
  let from: string;
  try {
    from = new URL(origin).host;
  } catch {
    return false;
  }
  const forwarded = trustProxy ? String(req.headers['x-forwarded-host'] ?? '').split(',')[0]?.trim() : '';
  return from === (forwarded || req.headers.host);
}
