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

/**
 * For object types that are plain data (the board's and lists' cards, columns and their parts):
 * their fields are read as properties, without a resolver function per field. Otherwise
 * type-graphql wraps every field in one, which a board of 400 cards calls some 5,000 times. A type
 * marked so must not carry field-level @Authorized or middlewares (they would not run).
 */
export const PLAIN = { simpleResolvers: true } as const;
