import { Arg, Authorized, Ctx, ID, Query, Resolver } from 'type-graphql';
import { Context, currentViewer } from '../../graphql/context';
import { PageInput } from '../cards/card.types';
import { ClientDetail, ClientFilterInput, ClientList, ClientSortInput } from './client.types';

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
  @Query(() => ClientDetail)
  client(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return ctx.services.clients.get(currentViewer(ctx), id);
  }
}
