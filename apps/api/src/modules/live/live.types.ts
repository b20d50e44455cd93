import { Field, ID, ObjectType } from 'type-graphql';
import { CardChanges } from '../cards/card.types';

@ObjectType('BoardChangesEvent')
export class BoardChangesEvent {
  @Field({ description: 'The first event of a subscription (also after a reconnect), sent at once: catch up with `cardChanges` since your last server time' })
  initial: boolean;

  @Field(() => CardChanges, { description: 'What changed, as `cardChanges` reports it, less what this subscription already sent' })
  changes: CardChanges;
}


@ObjectType('ClientChange', { description: "Something on a client's card changed (todos, history, cards): read it again" })
export class ClientChange {
  @Field(() => ID)
  clientId: string;

  @Field({ description: 'When the server noticed' })
  at: Date;

  @Field({ description: 'The first event of a subscription, sent at once: nothing changed yet' })
  initial: boolean;
}
