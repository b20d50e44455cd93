import { validate } from 'class-validator';
import { Arg, ArgumentValidationError, Authorized, ID, Resolver, Root, Subscription, type SubscribeResolverData } from 'type-graphql';
import { currentUser, type Context } from '../../graphql/context';
import { CardFilter } from '../cards/card.types';
import { BoardChangesEvent, ClientChange } from './live.types';

type BoardArgs = { pipelineId: string; filter?: CardFilter | null };

/** The filter checked as a query's would be (type-graphql validates arguments only for the resolve step). */
async function validFilter(filter: CardFilter | null | undefined): Promise<CardFilter | null> {
  if (!filter) return null;
  const instance = Object.assign(new CardFilter(), filter);
  const errors = await validate(instance, { forbidUnknownValues: false });
  if (errors.length) throw new ArgumentValidationError(errors);
  return instance;
}

/**
 * Live events over WebSocket (see live.socket.ts). Each subscription is a stream of LiveService;
 * the field resolvers pass its events through.
 */
@Resolver()
export class LiveResolver {
  @Authorized()
  @Subscription(() => BoardChangesEvent, {
    description: "A board's changes, pushed when they happen, each as its subscriber may see it (nothing at all about cards hidden from them)",
    subscribe: async ({ args, context }: SubscribeResolverData<unknown, BoardArgs, Context>) =>
      context.services.live.boardChanges(currentUser(context), args.pipelineId, await validFilter(args.filter)),
  })
  boardChanges(
    @Root() event: BoardChangesEvent,
    @Arg('pipelineId', () => ID) _pipelineId: string,
    @Arg('filter', () => CardFilter, { nullable: true }) _filter: CardFilter | null,
  ): BoardChangesEvent {
    return event;
  }

  @Authorized()
  @Subscription(() => ClientChange, {
    description: "Tells a client card to read its todos, history and cards again (only while the user may see the client)",
    subscribe: ({ args, context }: SubscribeResolverData<unknown, { clientId: string }, Context>) => context.services.live.clientChanged(currentUser(context), args.clientId),
  })
  clientChanged(@Root() change: ClientChange, @Arg('clientId', () => ID) _clientId: string): ClientChange {
    return change;
  }
}
