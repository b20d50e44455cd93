import { Field, ID, Int, ObjectType } from 'type-graphql';

@ObjectType('UnsortedContact', { description: 'An address seen in incoming mail that belongs to no client yet' })
export class UnsortedContactType {
  @Field(() => ID)
  id: string;

  @Field()
  email: string;

  @Field(() => String, { nullable: true })
  name: string | null;

  @Field()
  source: string;

  @Field(() => Int)
  seenCount: number;

  @Field()
  lastSeenAt: Date;
}

@ObjectType('InboundMail')
export class InboundMailType {
  @Field(() => ID)
  id: string;

  @Field()
  fromAddress: string;

  @Field(() => String, { nullable: true })
  fromName: string | null;

  @Field()
  subject: string;

  @Field()
  text: string;

  @Field()
  receivedAt: Date;
}
