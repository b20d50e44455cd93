import { atLeast, Role } from '@crm/shared';
import { Arg, Authorized, Ctx, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import { Context, currentViewer } from '../../graphql/context';
import { AutomationInput, AutomationRunType, AutomationType } from './automation.types';

// Managers and admins build and run automations in the editor (and may change any); Normal users
// read them, send "Email this view" and pause or resume their own; Restricted users have none.
const READERS = atLeast(Role.Normal);
const BUILDERS = atLeast(Role.Manager);

@Resolver(() => AutomationType)
export class AutomationResolver {
  @Authorized(READERS)
  @Query(() => [AutomationType], { description: "A pipeline's automations, newest first" })
  automations(@Arg('pipelineId', () => ID) pipelineId: string, @Ctx() ctx: Context) {
    return ctx.services.automations.list(pipelineId);
  }

  @Authorized(READERS)
  @Query(() => AutomationType)
  automation(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return ctx.services.automations.get(id);
  }

  @Authorized(READERS)
  @Query(() => [AutomationRunType], { description: 'Runs of an automation per card and step, latest first' })
  automationRuns(
    @Arg('automationId', () => ID) automationId: string,
    @Arg('status', () => String, { nullable: true }) status: string | null,
    @Arg('limit', () => Int, { defaultValue: 200 }) limit: number,
    @Ctx() ctx: Context,
  ) {
    return ctx.services.automations.runs(currentViewer(ctx), automationId, status, Math.min(Math.max(limit, 1), 1000));
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
    return ctx.services.automations.activate(currentViewer(ctx), id);
  }

  @Authorized(READERS)
  @Mutation(() => AutomationType, { description: 'Managers and admins pause any; others only their own' })
  pauseAutomation(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return ctx.services.automations.pause(currentViewer(ctx), id);
  }

  @Authorized(READERS)
  @Mutation(() => AutomationType, { description: 'Managers and admins resume any; others only their own. It then acts for the one who resumed it' })
  resumeAutomation(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return ctx.services.automations.resume(currentViewer(ctx), id);
  }

  @Authorized(READERS)
  @Mutation(() => AutomationType, { description: 'Sends a template to every card of a view, as a one-time automation (listed with its progress)' })
  sendTemplateToView(
    @Arg('viewId', () => ID) viewId: string,
    @Arg('emailTemplateId', () => ID) emailTemplateId: string,
    @Arg('name', () => String, { nullable: true }) name: string | null,
    @Ctx() ctx: Context,
  ) {
    return ctx.services.automations.sendToView(currentViewer(ctx), viewId, emailTemplateId, name);
  }

  @Authorized(READERS)
  @Mutation(() => AutomationType, { description: 'Stops an active or paused automation for good (pending steps are cancelled). Managers and admins stop any; others only their own' })
  stopAutomation(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return ctx.services.automations.stop(currentViewer(ctx), id);
  }

  @Authorized(READERS)
  @Mutation(() => Boolean, { description: 'Deletes a draft. Managers and admins delete any; others only their own' })
  deleteAutomation(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return ctx.services.automations.delete(currentViewer(ctx), id);
  }
}
