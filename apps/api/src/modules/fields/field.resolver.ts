import { atLeast, Role } from '@crm/shared';
import { GraphQLJSONObject } from 'graphql-scalars';
import { Arg, Authorized, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import { Context, currentUser, currentViewer } from '../../graphql/context';
import { CustomFieldInput, CustomFieldType, FieldValueInput } from './field.types';

const ADMIN = atLeast(Role.Admin);

@Resolver(() => CustomFieldType)
export class FieldResolver {
  @Authorized()
  @Query(() => [CustomFieldType], { description: "A pipeline's custom fields in order (without a pipeline: every pipeline's)" })
  customFields(@Arg('pipelineId', () => ID, { nullable: true }) pipelineId: string | null, @Arg('includeArchived', { defaultValue: false }) includeArchived: boolean, @Ctx() ctx: Context) {
    return ctx.services.fields.list(pipelineId, includeArchived);
  }

  @Authorized(ADMIN)
  @Mutation(() => CustomFieldType)
  createCustomField(@Arg('pipelineId', () => ID) pipelineId: string, @Arg('input') input: CustomFieldInput, @Ctx() ctx: Context) {
    return ctx.services.fields.create(currentUser(ctx).id, pipelineId, input);
  }

  @Authorized(ADMIN)
  @Mutation(() => CustomFieldType)
  updateCustomField(@Arg('id', () => ID) id: string, @Arg('input') input: CustomFieldInput, @Ctx() ctx: Context) {
    return ctx.services.fields.update(currentUser(ctx).id, id, input);
  }

  @Authorized(ADMIN)
  @Mutation(() => [CustomFieldType], { description: "Sets the order of a pipeline's fields (each active field once)" })
  reorderCustomFields(@Arg('pipelineId', () => ID) pipelineId: string, @Arg('fieldIds', () => [ID]) fieldIds: string[], @Ctx() ctx: Context) {
    return ctx.services.fields.reorder(currentUser(ctx).id, pipelineId, fieldIds);
  }

  @Authorized(ADMIN)
  @Mutation(() => CustomFieldType)
  setCustomFieldArchived(@Arg('id', () => ID) id: string, @Arg('archived') archived: boolean, @Ctx() ctx: Context) {
    return ctx.services.fields.setArchived(currentUser(ctx).id, id, archived);
  }

  @Authorized()
  @Mutation(() => GraphQLJSONObject, { description: "Sets custom field values on a card; returns the card's values by field id" })
  setCardFieldValues(@Arg('cardId', () => ID) cardId: string, @Arg('values', () => [FieldValueInput]) values: FieldValueInput[], @Ctx() ctx: Context) {
    return ctx.services.fields.setValues(currentViewer(ctx), cardId, values);
  }
}
