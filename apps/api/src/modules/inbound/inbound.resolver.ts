import { atLeast, Role } from '@crm/shared';
import { Arg, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { InboundMail } from '@crm/db';
import { Context, currentViewer } from '../../graphql/context';
import { CalendarEventType, InboundInlineImageType, InboundMailTextType, InboundMailType, UnsortedContactType } from './inbound.types';

const STAFF = atLeast(Role.Normal);

@Resolver(() => UnsortedContactType)
export class InboundResolver {
  @Authorized(STAFF)
  @Query(() => [UnsortedContactType], { description: 'The Unsorted contacts inbox, latest first' })
  unsortedContacts(@Arg('limit', () => Int, { defaultValue: 200 }) limit: number, @Ctx() ctx: Context) {
    return ctx.services.inbound.listUnsorted(Math.min(Math.max(limit, 1), 1000));
  }

  @Authorized(STAFF)
  @Mutation(() => Int, { description: 'Dismisses addresses from the inbox; returns how many' })
  dismissUnsortedContacts(@Arg('ids', () => [ID]) ids: string[], @Ctx() ctx: Context) {
    return ctx.services.inbound.dismiss(currentViewer(ctx), ids);
  }

  @Authorized(STAFF)
  @Mutation(() => Int, { description: 'Creates a client (with the address as its contact) for each, optionally in a category' })
  createClientsFromUnsorted(@Arg('ids', () => [ID]) ids: string[], @Arg('categoryId', () => ID, { nullable: true }) categoryId: string | null, @Ctx() ctx: Context) {
    return ctx.services.inbound.createClients(currentViewer(ctx), ids, categoryId);
  }

  @Authorized()
  @Query(() => InboundMailType, { description: 'An incoming mail from History' })
  inboundMail(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return ctx.services.inbound.get(currentViewer(ctx), id);
  }

  @Authorized(STAFF)
  @Query(() => [InboundMailType], { description: 'Mail in the Unsorted inbox (no client yet), latest first' })
  unsortedMails(@Arg('limit', () => Int, { defaultValue: 200 }) limit: number, @Ctx() ctx: Context) {
    return ctx.services.inbound.listUnsortedMail(Math.min(Math.max(limit, 1), 1000));
  }

  @Authorized(STAFF)
  @Mutation(() => InboundMailType, { description: 'Files an Unsorted mail (and its attachments) under a client the caller may see' })
  assignInboundMail(@Arg('id', () => ID) id: string, @Arg('clientId', () => ID) clientId: string, @Ctx() ctx: Context) {
    return ctx.services.inbound.assign(currentViewer(ctx), id, clientId);
  }

  @Authorized()
  @Query(() => InboundMailTextType, { description: 'An incoming mail read in another charset (utf-8, windows-1250, iso-8859-2, windows-1252), for 8-bit text that declared none' })
  inboundMailText(@Arg('id', () => ID) id: string, @Arg('charset') charset: string, @Ctx() ctx: Context) {
    return ctx.services.inbound.textIn(currentViewer(ctx), id, charset);
  }
}

@Resolver(() => InboundMailType)
export class InboundMailFieldsResolver {
  @Authorized()
  @FieldResolver(() => [InboundInlineImageType], { description: 'Images its HTML shows by cid:, as data URLs' })
  inlineImages(@Root() mail: InboundMail, @Ctx() ctx: Context) {
    return ctx.services.inbound.inlineImages(currentViewer(ctx), mail);
  }

  @Authorized()
  @FieldResolver(() => [CalendarEventType], { description: 'The events of the calendar invites it carries' })
  calendarEvents(@Root() mail: InboundMail, @Ctx() ctx: Context) {
    return ctx.services.inbound.calendarEvents(currentViewer(ctx), mail);
  }
}
