import { atLeast, Role } from '@crm/shared';
import { Arg, Authorized, Ctx, Int, Mutation, Query, Resolver } from 'type-graphql';
import { Context, currentViewer } from '../../graphql/context';
import { ClientDetail, ClientRow } from '../clients/client.types';
import { DuplicateGroup, DuplicateProbeInput, MergeClientsInput } from './duplicate.types';

@Resolver(() => DuplicateGroup)
export class DuplicateResolver {
  @Authorized()
  @Query(() => [DuplicateGroup], { description: 'Groups of visible clients sharing an email, phone, tax id or company domain' })
  duplicateGroups(@Arg('limit', () => Int, { defaultValue: 100 }) limit: number, @Ctx() ctx: Context) {
    return ctx.services.duplicates.groups(currentViewer(ctx), Math.min(Math.max(limit, 1), 500));
  }

  @Authorized()
  @Query(() => [ClientRow], { description: 'Existing clients with this email, tax id, domain or phone' })
  possibleDuplicates(@Arg('input') input: DuplicateProbeInput, @Ctx() ctx: Context) {
    return ctx.services.duplicates.probe(currentViewer(ctx), input);
  }

  // Merging rewrites other people's clients for good: Managers and Admins only, as the manuals set it.
  @Authorized(atLeast(Role.Manager))
  @Mutation(() => ClientDetail, { description: 'Merges clients into the primary; returns it (Managers and Admins)' })
  mergeClients(@Arg('input') input: MergeClientsInput, @Ctx() ctx: Context) {
    return ctx.services.duplicates.merge(currentViewer(ctx), input);
  }
}
