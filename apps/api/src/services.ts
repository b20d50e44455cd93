import type Redis from 'ioredis';
import type { DataSource } from 'typeorm';
import type { Config } from './config';
import type { Logger } from './logger';
import { AuthService } from './modules/auth/auth.service';
import { FailureLimiter } from './modules/auth/rate-limiter';
import { UserService } from './modules/users/user.service';

/** The services resolvers call; built once per process. */
export interface Services {
  config: Config;
  logger: Logger;
  auth: AuthService;
  users: UserService;
}

export function createServices(config: Config, ds: DataSource, redis: Redis, logger: Logger): Services {
  const limiter = new FailureLimiter(redis, config.redisPrefix, config.loginLimits.windowSeconds);
  const auth = new AuthService(ds, limiter, config.loginLimits, config.sessionTtlDays);
  return { config, logger, auth, users: new UserService(ds, auth) };
}
