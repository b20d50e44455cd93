import { ArrayMaxSize, IsOptional, IsUUID } from 'class-validator';
import { Field, ID } from 'type-graphql';

/** An optional list of ids in a filter: `[ID!]`, each a UUID, at most 200. */
export function IdListField(description?: string): PropertyDecorator {
  return (target, key) => {
    Field(() => [ID], { nullable: true, description })(target, key);
    IsOptional()(target, key as string);
    IsUUID('all', { each: true })(target, key as string);
    ArrayMaxSize(200)(target, key as string);
  };
}
