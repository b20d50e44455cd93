import { atLeast, Role } from '@crm/shared';
import { Arg, Authorized, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import { Context, currentUser } from '../../graphql/context';
import { EmailTemplateInput, EmailTemplateType, TodoTemplateInput, TodoTemplateType } from './template.types';

const MANAGE = atLeast(Role.Manager);

@Resolver(() => EmailTemplateType)
export class TemplateResolver {
  @Authorized()
  @Query(() => [EmailTemplateType], { description: "A pipeline's email templates by category and name" })
  emailTemplates(@Arg('pipelineId', () => ID) pipelineId: string, @Ctx() ctx: Context) {
    return ctx.services.templates.listEmail(pipelineId);
  }

  @Authorized(MANAGE)
  @Mutation(() => EmailTemplateType, { description: 'Refused with the problems per field when a variable is unknown' })
  createEmailTemplate(@Arg('input') input: EmailTemplateInput, @Ctx() ctx: Context) {
    return ctx.services.templates.createEmail(currentUser(ctx).id, input);
  }

  @Authorized(MANAGE)
  @Mutation(() => EmailTemplateType)
  updateEmailTemplate(@Arg('id', () => ID) id: string, @Arg('input') input: EmailTemplateInput, @Ctx() ctx: Context) {
    return ctx.services.templates.updateEmail(currentUser(ctx).id, id, input);
  }

  @Authorized(MANAGE)
  @Mutation(() => Boolean)
  archiveEmailTemplate(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return ctx.services.templates.archiveEmail(currentUser(ctx).id, id);
  }

  @Authorized()
  @Query(() => [TodoTemplateType], { description: 'Todo templates of a pipeline and those for all pipelines' })
  todoTemplates(@Arg('pipelineId', () => ID, { nullable: true }) pipelineId: string | null, @Ctx() ctx: Context) {
    return ctx.services.templates.listTodo(pipelineId);
  }

  @Authorized(MANAGE)
  @Mutation(() => TodoTemplateType)
  saveTodoTemplate(@Arg('id', () => ID, { nullable: true }) id: string | null, @Arg('input') input: TodoTemplateInput, @Ctx() ctx: Context) {
    return ctx.services.templates.saveTodo(currentUser(ctx).id, id, input);
  }

  @Authorized(MANAGE)
  @Mutation(() => Boolean)
  archiveTodoTemplate(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return ctx.services.templates.archiveTodo(currentUser(ctx).id, id);
  }
}
