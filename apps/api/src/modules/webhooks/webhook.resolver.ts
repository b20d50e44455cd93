import { atLeast, Role } from '@crm/shared';
import { Arg, Authorized, Ctx, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import { currentUser, type Context } from '../../graphql/context';
import { CreatedWebhook, WebhookDeliveryFilter, WebhookDeliveryType, WebhookInput, WebhookSettings, WebhookType } from './webhook.types';

const ADMIN = atLeast(Role.Admin);

@Resolver(() => WebhookType)
export class WebhookResolver {
  @Authorized(ADMIN)
  @Query(() => [WebhookType])
  webhooks(@Ctx() ctx: Context) {
    return ctx.services.webhooks.list();
  }

  @Authorized(ADMIN)
  @Mutation(() => CreatedWebhook, { description: 'Registers a URL for events; the signing secret is in this answer only' })
  createWebhook(@Arg('input', () => WebhookInput) input: WebhookInput, @Ctx() ctx: Context) {
    return ctx.services.webhooks.create(currentUser(ctx), input);
  }

  @Authorized(ADMIN)
  @Mutation(() => WebhookType, { description: 'Changes the address or events, or turns the hook off or on again' })
  updateWebhook(
    @Arg('id', () => ID) id: string,
    @Arg('input', () => WebhookInput, { nullable: true }) input: WebhookInput | null,
    @Arg('active', () => Boolean, { nullable: true }) active: boolean | null,
    @Ctx() ctx: Context,
  ) {
    return ctx.services.webhooks.update(currentUser(ctx), id, { ...(input ?? {}), ...(active === null || active === undefined ? {} : { active }) });
  }

  @Authorized(ADMIN)
  @Mutation(() => Boolean)
  deleteWebhook(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return ctx.services.webhooks.delete(currentUser(ctx), id);
  }

  @Authorized(ADMIN)
  @Query(() => [WebhookDeliveryType], { description: 'A hook’s delivery log, newest first; `before` is the last id of the previous page' })
  webhookDeliveries(
    @Arg('webhookId', () => ID) webhookId: string,
    @Arg('filter', () => WebhookDeliveryFilter, { nullable: true }) filter: WebhookDeliveryFilter | null,
    @Arg('before', () => ID, { nullable: true }) before: string | null,
    @Arg('limit', () => Int, { defaultValue: 50 }) limit: number,
    @Ctx() ctx: Context,
  ) {
    return ctx.services.webhooks.deliveries(webhookId, filter ?? {}, before && /^\d{1,18}$/.test(before) ? before : null, Math.min(Math.max(limit, 1), 200));
  }

  @Authorized(ADMIN)
  @Mutation(() => WebhookDeliveryType, { description: 'Sends a delivery again (a new entry in the log)' })
  redeliverWebhook(@Arg('deliveryId', () => ID) deliveryId: string, @Ctx() ctx: Context) {
    return ctx.services.webhooks.redeliver(currentUser(ctx), deliveryId);
  }

  @Authorized(ADMIN)
  @Query(() => WebhookSettings)
  webhookSettings(@Ctx() ctx: Context) {
    return ctx.services.webhooks.settings();
  }

  @Authorized(ADMIN)
  @Mutation(() => WebhookSettings, { description: 'Whether hooks may reach private and loopback addresses' })
  setWebhookSettings(@Arg('allowPrivateTargets') allowPrivateTargets: boolean, @Ctx() ctx: Context) {
    return ctx.services.webhooks.setSettings(currentUser(ctx), allowPrivateTargets);
  }
}
