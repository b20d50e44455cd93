import { Arg, Authorized, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import { Context, currentViewer } from '../../graphql/context';
import { PageInput } from '../cards/card.types';
import { ClientDetail, ClientFilterInput, ClientList, ClientSortInput, ClientUpdateResult, UpdateClientInput } from './client.types';

@Resolver(() => ClientDetail)
export class ClientResolver {
  @Authorized()
  @Query(() => ClientList, { description: 'A page of clients, filtered and sorted, with the total' })
  clients(
    @Arg('filter', () => ClientFilterInput, { nullable: true }) filter: ClientFilterInput | null,
    @Arg('sort', () => ClientSortInput, { nullable: true }) sort: ClientSortInput | null,
    @Arg('page', () => PageInput, { nullable: true }) page: PageInput | null,
    @Ctx() ctx: Context,
  ) {
    return ctx.services.clients.list(currentViewer(ctx), filter, sort, page ?? { offset: 0, limit: 50 });
  }

  @Authorized()
  @Mutation(() => ClientUpdateResult, { description: "Edits a client's data and labels; warns of other clients with the same email, tax id or domain" })
  async updateClient(@Arg('id', () => ID) id: string, @Arg('input') input: UpdateClientInput, @Ctx() ctx: Context) {
    const viewer = currentViewer(ctx);
    await ctx.services.clients.update(viewer, id, input);
    const client = await ctx.services.clients.get(viewer, id);
    // Every address, the tax id and the domain are checked; each other client is named once.
    const probes = await Promise.all([
      ctx.services.duplicates.probe(viewer, { taxId: client.taxId ?? undefined, domain: client.domain ?? undefined }),
      ...client.emails.map((email) => ctx.services.duplicates.probe(viewer, { email })),
    ]);
    const others = new Map(probes.flat().filter((c) => c.id !== id).map((c) => [c.id, c]));
    return { client, possibleDuplicates: [...others.values()] };
  }

  @Authorized()
  @Query(() => ClientDetail)
  client(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return ctx.services.clients.get(currentViewer(ctx), id);
  }
}
