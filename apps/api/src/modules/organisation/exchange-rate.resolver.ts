import { atLeast, Role } from '@crm/shared';
import { Arg, Authorized, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import { Context, currentUser } from '../../graphql/context';
import { ExchangeRateInput, ExchangeRateType } from './exchange-rate.types';
import { OrganisationType } from './organisation.types';

const ADMINS = atLeast(Role.Admin);

/** The base currency and its exchange rates: Admins only (everyone reads the base on Organisation). */
@Resolver(() => ExchangeRateType)
export class ExchangeRateResolver {
  @Authorized(ADMINS)
  @Query(() => [ExchangeRateType], { description: 'Rates into the current base currency, by currency, newest first' })
  exchangeRates(@Ctx() ctx: Context) {
    return ctx.services.exchangeRates.list();
  }

  @Authorized(ADMINS)
  @Mutation(() => OrganisationType, { description: 'Sets the base currency reports may convert into; null: money per currency only' })
  async setBaseCurrency(@Arg('currency', () => String, { nullable: true }) currency: string | null, @Ctx() ctx: Context) {
    await ctx.services.exchangeRates.setBaseCurrency(currentUser(ctx).id, currency);
    return ctx.services.organisation.get();
  }

  @Authorized(ADMINS)
  @Mutation(() => ExchangeRateType)
  createExchangeRate(@Arg('input', () => ExchangeRateInput) input: ExchangeRateInput, @Ctx() ctx: Context) {
    return ctx.services.exchangeRates.create(currentUser(ctx).id, input);
  }

  @Authorized(ADMINS)
  @Mutation(() => ExchangeRateType)
  updateExchangeRate(@Arg('id', () => ID) id: string, @Arg('input', () => ExchangeRateInput) input: ExchangeRateInput, @Ctx() ctx: Context) {
    return ctx.services.exchangeRates.update(currentUser(ctx).id, id, input);
  }

  @Authorized(ADMINS)
  @Mutation(() => Boolean)
  deleteExchangeRate(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return ctx.services.exchangeRates.delete(currentUser(ctx).id, id);
  }
}
