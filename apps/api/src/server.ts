import 'reflect-metadata';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { expressMiddleware } from '@as-integrations/express5';
import { closeQueues, createDataSource, createQueues, DEMO_PASSWORD, DEMO_USERS, ensureAdmin, installLivePublisher, runMigrations, seedDemoData } from '@crm/db';
import cookieParser from 'cookie-parser';
import express from 'express';
import Redis from 'ioredis';
import { existsSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { DataSource } from 'typeorm';
import type { Config } from './config';
import type { Context } from './graphql/context';
import { jitExecutor } from './graphql/jit-executor';
import { depthLimit } from './graphql/depth-limit';
import { createErrorFormatter } from './graphql/errors';
import { costLimitPlugin } from './graphql/cost-limit';
import { introspectionNeedsSession } from './graphql/introspection';
import { jsonErrors, notFoundJson, sameOriginOnly, securityHeaders } from './http/security';
import { buildApiSchema } from './graphql/schema';
import { healthHandler } from './health';
import { createLogger, Logger } from './logger';
import { SESSION_COOKIE } from './modules/auth/session-cookie';
import { documentRoutes } from './modules/documents/document.routes';
import { exportRoutes } from './modules/exports/export.routes';
import { privacyRoutes } from './modules/privacy/privacy.routes';
import { avatarRoutes } from './modules/users/avatar.routes';
import { importRoutes } from './modules/imports/import.routes';
import { inboundRoutes, startInboundSmtp } from './modules/inbound/inbound.routes';
import { unsubscribeRoutes } from './modules/campaigns/unsubscribe.routes';
import { trackingRoutes } from './modules/campaigns/tracking.routes';
import { listExportRoutes } from './modules/campaigns/list-export.routes';
import { createServices, Services } from './services';
import { apiKeyScopes } from './modules/api-keys/api-key.scopes';
import { apiKeyAuth } from './modules/api-keys/api-key.middleware';
import { attachLiveSocket } from './modules/live/live.socket';

export const MAX_QUERY_DEPTH = 10;

export interface RunningServer {
  url: string;
  dataSource: DataSource;
  services: Services;
  /** What first start did: seeded the demo, created the admin, or nothing. */
  seeded: { demo: boolean; admin: boolean };
  /** The port of the incoming-mail SMTP listener, when it runs. */
  inboundSmtpPort: number | null;
  close(): Promise<void>;
}

/**
 * Migrates and (on first start) seeds the database, then serves GraphQL at /graphql, GET /health
 * and the built web app on one port.
 */
export async function createServer(config: Config, logger: Logger = createLogger(config.logLevel)): Promise<RunningServer> {
  const dataSource = await createDataSource(config.databaseUrl, { applicationName: 'crm-api' }).initialize();
  const redis = new Redis(config.redisUrl, { maxRetriesPerRequest: 2, lazyConnect: false });
  redis.on('error', (err) => logger.warn({ err: err.message }, 'redis connection problem'));
  // After each commit that touched cards, todos or history: a signal to every instance's subscribers.
  installLivePublisher(dataSource, redis, (err) => logger.warn({ err }, 'could not publish a live signal'));

  const applied = await runMigrations(dataSource);
  if (applied.length) logger.info({ migrations: applied }, 'applied migrations');
  const seeded = { demo: false, admin: false };
  if (config.seedDemo) seeded.demo = await seedDemoData(dataSource);
  if (config.admin) seeded.admin = await ensureAdmin(dataSource, config.admin.email, config.admin.password);

  // Producer side of the job queues (the worker processes them).
  const queues = createQueues({ redisUrl: config.redisUrl, prefix: config.queuePrefix });
  const services = createServices(config, dataSource, redis, queues, logger);
  const app = express();
  app.disable('x-powered-by');
  app.set('env', config.env);
  // No ETag on res.send/res.json answers (GraphQL, JSON errors): it hashed every answer, 120 KB for
  // a board, for POSTs no cache revalidates. Files keep theirs (express.static and sendFile set their own).
  app.set('etag', false);
  if (config.trustProxy) app.set('trust proxy', true);
  app.use(securityHeaders(config.cookieSecure));
  // Cross-site requests that change state: GraphQL has Apollo's CSRF prevention; incoming mail
  // carries a bearer token (no cookie); every other route must come from our own origin.
  const sameOrigin = sameOriginOnly();
  app.use((req, res, next) => (req.path === '/graphql' || req.path.startsWith('/inbound/') || req.path.startsWith('/unsubscribe/') ? next() : sameOrigin(req, res, next)));
  const httpServer = http.createServer(app);

  const schema = await buildApiSchema();
  const apollo = new ApolloServer<Context>({
    gateway: jitExecutor(schema),
    formatError: createErrorFormatter(logger),
    validationRules: [depthLimit(MAX_QUERY_DEPTH)],
    includeStacktraceInErrorResponses: false,
    // Introspection is decided per request (in production only with a session).
    introspection: true,
    // No HTTP cache hints: the default cache-control plugin wraps every field's resolver to compute them.
    plugins: [ApolloServerPluginDrainHttpServer({ httpServer }), ApolloServerPluginCacheControlDisabled(), introspectionNeedsSession(config.env === 'production'), costLimitPlugin(), apiKeyScopes()],
  });
  await apollo.start();
  // Subscriptions: graphql-ws on the same port and path (signals through Redis, see LiveHub).
  const liveSocket = attachLiveSocket(httpServer, { schema, services, logger, maxDepth: MAX_QUERY_DEPTH, trustProxy: config.trustProxy });

  app.get('/health', healthHandler(dataSource, redis));
  app.use(avatarRoutes(services, logger));
  app.use(documentRoutes(services, config.fileMaxBytes, logger));
  app.use(importRoutes(services, config.importMaxBytes, logger));
  app.use(inboundRoutes(services.inbound, config.inboundToken, config.inboundMaxBytes, logger));
  app.use(exportRoutes(services, dataSource, logger, services.exports.storage));
  app.use(privacyRoutes(services, logger));
  app.use(unsubscribeRoutes(dataSource, config.unsubscribeSecret, logger));
  app.use(trackingRoutes(dataSource, config.unsubscribeSecret, logger));
  app.use(listExportRoutes(services, dataSource, logger));
  const inboundSmtp = config.inboundSmtpPort === null ? null : await startInboundSmtp(services.inbound, config.inboundSmtpPort, config.host, config.inboundMaxBytes, logger);
  app.use(
    '/graphql',
    cookieParser(),
    apiKeyAuth(services, logger),
    express.json({ limit: '1mb' }),
    expressMiddleware(apollo, {
      context: async ({ req, res }): Promise<Context> => {
        // A request with an API key acts as the key's service user (no cookie session then).
        const keyed = res.locals.apiKey as import('./modules/api-keys/api-key.service').AuthenticatedKey | undefined;
        if (keyed) return { req, res, user: keyed.user, sessionTokenHash: null, services, apiKey: keyed.key };
        const token = req.cookies?.[SESSION_COOKIE];
        const session = typeof token === 'string' && token ? await services.auth.session(token) : null;
        return { req, res, user: session?.user ?? null, sessionTokenHash: session?.tokenHash ?? null, services };
      },
    }),
  );

  if (config.webDist && existsSync(path.join(config.webDist, 'index.html'))) {
    app.use(express.static(config.webDist, { index: false, maxAge: '1h' }));
    // Every other GET is a client-side route of the single-page app.
    app.get('/{*path}', (_req, res) => res.sendFile(path.join(config.webDist!, 'index.html')));
  } else {
    logger.warn({ webDist: config.webDist }, 'the web app is not built: serving the API only');
  }
  app.use(notFoundJson);
  app.use(jsonErrors(logger));

  await new Promise<void>((resolve) => httpServer.listen(config.port, config.host, resolve));
  const { port } = httpServer.address() as AddressInfo;
  const host = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;

  return {
    url: `http://${host}:${port}`,
    dataSource,
    services,
    seeded,
    inboundSmtpPort: inboundSmtp?.port ?? null,
    async close() {
      await inboundSmtp?.close();
      await liveSocket.close();
      await services.live.hub.stop();
      await apollo.stop();
      await services.automations.settled();
      await closeQueues(queues, true);
      await dataSource.destroy();
      redis.disconnect();
    },
  };
}

export function demoLoginsText(): string {
  return DEMO_USERS.map((u) => `  ${u.role.padEnd(10)} ${u.email} / ${DEMO_PASSWORD}`).join('\n');
}
