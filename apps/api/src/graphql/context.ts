import type { User } from '@crm/db';
import type { Request, Response } from 'express';
import { viewerOf, type Viewer } from '@crm/db';
import type { Services } from '../services';
import type { ApiKeyScope } from '../modules/api-keys/api-key.scopes';

export interface Context {
  req: Request;
  res: Response;
  /** The signed-in user, resolved from the session cookie before the operation runs. */
  user: User | null;
  /** Hash of the current session's token, for logout. */
  sessionTokenHash: string | null;
  services: Services;
  /** The API key behind the request (Authorization: Bearer), whose service user is `user`. */
  apiKey?: ApiKeyScope | null;
}

/** The signed-in user of a context that passed the auth checker. */
export function currentUser(ctx: Context): User {
  if (!ctx.user) throw new Error('currentUser() called on a resolver without @Authorized');
  return ctx.user;
}

/** The signed-in user's visibility limits. */
export function currentViewer(ctx: Context): Viewer {
  return viewerOf(currentUser(ctx));
}
