import { Field, ID, ObjectType } from 'type-graphql';

@ObjectType('ClientChange', { description: "Something on a client's card changed (todos, history, cards): read it again" })
export class ClientChange {
  @Field(() => ID)
  clientId: string;

  @Field({ description: 'When the server noticed' })
  at: Date;

  @Field({ description: 'The first event of a subscription, sent at once: nothing changed yet' })
  initial: boolean;
}
