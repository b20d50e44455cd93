import { atLeast, Role } from '@crm/shared';
import { Arg, Authorized, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import { Context, currentViewer } from '../../graphql/context';
import { MailAccountInput, MailAccountType, MailboxSettingsType, MailConnectionTestType } from './mailbox.types';

/** Mail synced from a mailbox is routed for the whole organisation, like the Unsorted inbox: Normal users and up. */
const STAFF = atLeast(Role.Normal);

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
}
