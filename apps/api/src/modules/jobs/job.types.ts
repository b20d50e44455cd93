import { GraphQLJSONObject } from 'graphql-scalars';
import { Field, Float, ID, Int, ObjectType } from 'type-graphql';

@ObjectType({ description: 'Long work (an import, an export...): its state and progress, read from its row' })
export class BackgroundJobType {
  @Field(() => ID)
  id: string;

  @Field({ description: 'IMPORT, EXPORT or CAMPAIGN' })
  kind: string;

  @Field({ description: 'QUEUED, RUNNING, CANCELLING, CANCELLED, DONE or FAILED' })
  state: string;

  @Field(() => Int)
  rowsDone: number;

  @Field(() => Int, { nullable: true })
  rowsTotal: number | null;

  @Field(() => Float, { nullable: true, description: 'Over the current run' })
  rowsPerSecond: number | null;

  @Field(() => Int, { nullable: true })
  secondsLeft: number | null;

  @Field(() => String, { nullable: true, description: 'A message code when it failed' })
  errorCode: string | null;

  @Field(() => GraphQLJSONObject, { nullable: true })
  errorParams: Record<string, unknown> | null;

  @Field()
  createdAt: Date;

  @Field(() => Date, { nullable: true })
  finishedAt: Date | null;
}
