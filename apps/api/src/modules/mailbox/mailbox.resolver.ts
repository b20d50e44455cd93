import { atLeast, Role } from '@crm/shared';
import { Arg, Authorized, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import { Context, currentViewer } from '../../graphql/context';
import { MailAccountInput, MailAccountType, MailboxSettingsType, MailConnectionTestType, SharedMailboxInput } from './mailbox.types';

/** Mail synced from a mailbox is routed for the whole organisation, like the Unsorted inbox: Normal users and up. */
const STAFF = atLeast(Role.Normal);
const ADMIN = atLeast(Role.Admin);

@Resolver()
export class MailboxResolver {
  @Authorized(STAFF)
  @Query(() => MailboxSettingsType, { description: "The caller's IMAP mailbox and its last sync" })
  mailboxSettings(@Ctx() ctx: Context) {
    return ctx.services.mailbox.settings(currentViewer(ctx));
  }

  @Authorized(STAFF)
  @Mutation(() => MailAccountType, { description: 'Connects (or changes) the caller\'s IMAP mailbox; refused with MAILBOX_KEY_MISSING when the server cannot encrypt passwords' })
  saveMailAccount(@Arg('input', () => MailAccountInput) input: MailAccountInput, @Ctx() ctx: Context) {
    return ctx.services.mailbox.save(currentViewer(ctx), input);
  }

  @Authorized(STAFF)
  @Mutation(() => MailConnectionTestType, { description: 'Logs in to an IMAP mailbox with these settings (the stored password when none is given)' })
  testMailAccount(@Arg('input', () => MailAccountInput) input: MailAccountInput, @Ctx() ctx: Context) {
    return ctx.services.mailbox.test(currentViewer(ctx), input);
  }

  @Authorized(STAFF)
  @Mutation(() => MailAccountType, { description: "Syncs the caller's mailbox now (a background job)" })
  syncMailAccount(@Ctx() ctx: Context) {
    return ctx.services.mailbox.sync(currentViewer(ctx));
  }

  @Authorized(STAFF)
  @Mutation(() => Boolean, { description: "Disconnects the caller's mailbox; mail already stored stays" })
  deleteMailAccount(@Ctx() ctx: Context) {
    return ctx.services.mailbox.remove(currentViewer(ctx));
  }

  // The organisation's shared mailboxes (office@, info@): Admins connect and manage them.

  @Authorized(ADMIN)
  @Query(() => [MailAccountType], { description: "The organisation's shared mailboxes, by name (Admins)" })
  sharedMailboxes(@Ctx() ctx: Context) {
    return ctx.services.mailbox.sharedMailboxes();
  }

  @Authorized(ADMIN)
  @Mutation(() => MailAccountType, { description: 'Connects a shared mailbox (no id) or changes one (Admins); audited' })
  saveSharedMailbox(@Arg('id', () => ID, { nullable: true }) id: string | null, @Arg('input', () => SharedMailboxInput) input: SharedMailboxInput, @Ctx() ctx: Context) {
    return ctx.services.mailbox.saveShared(currentViewer(ctx), id ?? null, input);
  }

  @Authorized(ADMIN)
  @Mutation(() => MailConnectionTestType, { description: "Logs in with these settings (the stored shared mailbox's password when none is given)" })
  testSharedMailbox(@Arg('id', () => ID, { nullable: true }) id: string | null, @Arg('input', () => MailAccountInput) input: MailAccountInput, @Ctx() ctx: Context) {
    return ctx.services.mailbox.testShared(id ?? null, input);
  }

  @Authorized(ADMIN)
  @Mutation(() => MailAccountType, { description: 'Syncs a shared mailbox now (a background job)' })
  syncSharedMailbox(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return ctx.services.mailbox.syncShared(currentViewer(ctx), id);
  }

  @Authorized(ADMIN)
  @Mutation(() => Boolean, { description: 'Disconnects a shared mailbox; mail already stored stays; audited' })
  deleteSharedMailbox(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return ctx.services.mailbox.removeShared(currentViewer(ctx), id);
  }
}
