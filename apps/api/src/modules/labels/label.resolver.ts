import { atLeast, Role } from '@crm/shared';
import { Length } from 'class-validator';
import { Arg, Args, ArgsType, Authorized, Ctx, Field, ID, Mutation, Query, Resolver } from 'type-graphql';
import { Context, currentUser } from '../../graphql/context';
import { LabelInput, LabelKind, LabelType } from './label.types';

const ADMIN = atLeast(Role.Admin);

@ArgsType()
class TagNameArgs {
  @Field()
  @Length(1, 80, { message: 'Enter a tag of at most 80 characters.' })
  name: string;
}

@Resolver(() => LabelType)
export class LabelResolver {
  @Authorized()
  @Query(() => [LabelType])
  labels(@Arg('kind', () => LabelKind) kind: LabelKind, @Arg('includeArchived', { defaultValue: false }) includeArchived: boolean, @Ctx() ctx: Context) {
    return ctx.services.labels.list(kind, includeArchived);
  }

  @Authorized(ADMIN)
  @Mutation(() => LabelType)
  createLabel(@Arg('input') input: LabelInput, @Ctx() ctx: Context) {
    return ctx.services.labels.create(currentUser(ctx).id, input);
  }

  /** Anyone may create a tag while labelling a card; an existing tag of that name is returned. */
  @Authorized()
  @Mutation(() => LabelType)
  createTag(@Args() { name }: TagNameArgs, @Ctx() ctx: Context) {
    return ctx.services.labels.create(currentUser(ctx).id, Object.assign(new LabelInput(), { kind: LabelKind.TAG, name }));
  }

  @Authorized(ADMIN)
  @Mutation(() => LabelType)
  updateLabel(@Arg('id', () => ID) id: string, @Arg('input') input: LabelInput, @Ctx() ctx: Context) {
    return ctx.services.labels.update(currentUser(ctx).id, id, input);
  }

  @Authorized(ADMIN)
  @Mutation(() => LabelType)
  setLabelArchived(@Arg('kind', () => LabelKind) kind: LabelKind, @Arg('id', () => ID) id: string, @Arg('archived') archived: boolean, @Ctx() ctx: Context) {
    return ctx.services.labels.setArchived(currentUser(ctx).id, kind, id, archived);
  }
}
