import './node-env';
import { ConfigError, loadConfig } from './config';
import { createLogger } from './logger';
import { createServer, demoLoginsText } from './server';

async function main() {
  let config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message);
      process.exit(1);
    }
    throw err;
  }
  const logger = createLogger(config.logLevel);
  const server = await createServer(config, logger);
  logger.info({ url: server.url, seeded: server.seeded }, 'api listening');
  const lines = [`\n  Pipeline CRM is running at ${server.url}\n`];
  if (config.seedDemo) lines.push(`  Demo logins:\n${demoLoginsText()}\n`);
  if (server.seeded.admin && config.admin) lines.push(`  Admin: ${config.admin.email}\n`);
  process.stdout.write(lines.join('\n') + '\n');

  const stop = async (signal: string) => {
    logger.info({ signal }, 'shutting down');
    await server.close();
    process.exit(0);
  };
  process.once('SIGTERM', () => void stop('SIGTERM'));
  process.once('SIGINT', () => void stop('SIGINT'));
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
