import { atLeast, Role } from '@crm/shared';
import { Arg, Authorized, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import { currentUser, type Context } from '../../graphql/context';
import { badFields } from '../../graphql/errors';
import { ApiKeyType, CreateApiKeyInput, CreatedApiKey } from './api-key.types';

@Resolver(() => ApiKeyType)
export class ApiKeyResolver {
  @Authorized(atLeast(Role.Admin))
  @Query(() => [ApiKeyType], { description: 'Every API key, live ones first' })
  apiKeys(@Ctx() ctx: Context) {
    return ctx.services.apiKeys.list();
  }

  @Authorized(atLeast(Role.Admin))
  @Mutation(() => CreatedApiKey, { description: 'Creates a key; its secret is in this answer only' })
  async createApiKey(@Arg('input', () => CreateApiKeyInput) input: CreateApiKeyInput, @Ctx() ctx: Context) {
    const expiresAt = input.expiresAt ?? null;
    if (expiresAt && expiresAt.getTime() <= Date.now()) throw badFields('The expiry must be in the future.', { expiresAt: { code: 'FUTURE_DATE', text: 'The expiry must be in the future.' } });
    const { key, token } = await ctx.services.apiKeys.create(currentUser(ctx), { name: input.name.trim(), canWrite: input.canWrite, modules: input.modules, expiresAt });
    return { key, secret: token };
  }

  @Authorized(atLeast(Role.Admin))
  @Mutation(() => ApiKeyType, { description: 'Stops a key at once (it cannot be turned back on)' })
  revokeApiKey(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return ctx.services.apiKeys.revoke(currentUser(ctx), id);
  }
}
