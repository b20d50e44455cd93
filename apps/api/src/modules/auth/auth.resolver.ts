import { Arg, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import type { Context } from '../../graphql/context';
import { UserType } from '../users/user.type';
import { LoginInput } from './auth.inputs';
import { clearSessionCookie, setSessionCookie } from './session-cookie';

// `me`, `login` and `logout` are the public fields (listed in schema.test.ts); every other field
// carries @Authorized.
@Resolver()
export class AuthResolver {
  @Query(() => UserType, { nullable: true, description: 'The signed-in user, or null when nobody is signed in.' })
  me(@Ctx() ctx: Context): UserType | null {
    return ctx.user;
  }

  @Mutation(() => UserType)
  async login(@Arg('input') input: LoginInput, @Ctx() ctx: Context): Promise<UserType> {
    const { user, token, expiresAt } = await ctx.services.auth.login(input.email, input.password, {
      ip: ctx.req.ip ?? null,
      userAgent: ctx.req.get('user-agent') ?? null,
    });
    setSessionCookie(ctx.res, token, expiresAt, ctx.services.config.cookieSecure);
    return user;
  }

  @Mutation(() => Boolean)
  async logout(@Ctx() ctx: Context): Promise<boolean> {
    if (ctx.sessionTokenHash) await ctx.services.auth.logout(ctx.sessionTokenHash);
    clearSessionCookie(ctx.res, ctx.services.config.cookieSecure);
    return true;
  }
}
