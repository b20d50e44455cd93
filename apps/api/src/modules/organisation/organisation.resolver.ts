import { atLeast, Role } from '@crm/shared';
import { Arg, Authorized, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import { Context, currentUser } from '../../graphql/context';
import { OrganisationSettingsInput, OrganisationType } from './organisation.types';

@Resolver(() => OrganisationType)
export class OrganisationResolver {
  /** Every signed-in user reads them: the web app shows dates in the zone and sorts in the language. */
  @Authorized()
  @Query(() => OrganisationType)
  organisation(@Ctx() ctx: Context) {
    return ctx.services.organisation.get();
  }

  @Authorized(atLeast(Role.Admin))
  @Mutation(() => OrganisationType)
  updateOrganisationSettings(@Arg('input') input: OrganisationSettingsInput, @Ctx() ctx: Context) {
    return ctx.services.organisation.update(currentUser(ctx).id, input);
  }
}
