import { atLeast, Role } from '@crm/shared';
import { Arg, Authorized, Ctx, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import { Context, currentUser, currentViewer } from '../../graphql/context';
import { AutomationInput, AutomationRunType, AutomationType } from './automation.types';

// Sales and support staff build their own follow-ups; Restricted users do not.
const BUILDERS = atLeast(Role.Normal);

@Resolver(() => AutomationType)
export class AutomationResolver {
  @Authorized(BUILDERS)
  @Query(() => [AutomationType], { description: "A pipeline's automations, newest first" })
  automations(@Arg('pipelineId', () => ID) pipelineId: string, @Ctx() ctx: Context) {
    return ctx.services.automations.list(pipelineId);
  }

  @Authorized(BUILDERS)
  @Query(() => AutomationType)
  automation(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return ctx.services.automations.get(id);
  }

  @Authorized(BUILDERS)
  @Query(() => [AutomationRunType], { description: 'Runs of an automation per card and step, latest first' })
  automationRuns(
    @Arg('automationId', () => ID) automationId: string,
    @Arg('status', () => String, { nullable: true }) status: string | null,
    @Arg('limit', () => Int, { defaultValue: 200 }) limit: number,
    @Ctx() ctx: Context,
  ) {
    return ctx.services.automations.runs(automationId, status, Math.min(Math.max(limit, 1), 1000));
  }

  @Authorized(BUILDERS)
  @Mutation(() => AutomationType, { description: 'Creates a draft' })
  createAutomation(@Arg('input') input: AutomationInput, @Ctx() ctx: Context) {
    return ctx.services.automations.save(currentViewer(ctx), null, input);
  }

  @Authorized(BUILDERS)
  @Mutation(() => AutomationType, { description: 'Saves the editor; for an active automation, steps not yet run follow' })
  updateAutomation(@Arg('id', () => ID) id: string, @Arg('input') input: AutomationInput, @Ctx() ctx: Context) {
    return ctx.services.automations.save(currentViewer(ctx), id, input);
  }

  @Authorized(BUILDERS)
  @Mutation(() => AutomationType, { description: 'Refused with the list of problems while any remain' })
  activateAutomation(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return ctx.services.automations.activate(currentUser(ctx).id, id);
  }

  @Authorized(BUILDERS)
  @Mutation(() => AutomationType)
  pauseAutomation(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return ctx.services.automations.pause(currentUser(ctx).id, id);
  }

  @Authorized(BUILDERS)
  @Mutation(() => AutomationType)
  resumeAutomation(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return ctx.services.automations.resume(currentUser(ctx).id, id);
  }

  @Authorized(BUILDERS)
  @Mutation(() => AutomationType, { description: 'Sends a template to every card of a view, as a one-time automation (listed with its progress)' })
  sendTemplateToView(
    @Arg('viewId', () => ID) viewId: string,
    @Arg('emailTemplateId', () => ID) emailTemplateId: string,
    @Arg('name', () => String, { nullable: true }) name: string | null,
    @Ctx() ctx: Context,
  ) {
    return ctx.services.automations.sendToView(currentViewer(ctx), viewId, emailTemplateId, name);
  }

  @Authorized(BUILDERS)
  @Mutation(() => Boolean, { description: 'Deletes a draft' })
  deleteAutomation(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return ctx.services.automations.delete(currentUser(ctx).id, id);
  }
}
