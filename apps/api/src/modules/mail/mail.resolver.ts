import { Arg, Authorized, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import { Context, currentUser, currentViewer } from '../../graphql/context';
import { MailDraftInput, MailPreview, OutboxMailType, SendMailInput, SendMailResult } from './mail.types';

@Resolver(() => OutboxMailType)
export class MailResolver {
  @Authorized()
  @Query(() => MailPreview, { description: 'A template rendered for a card and recipient, with the variables that have no value' })
  mailPreview(@Arg('input') input: MailDraftInput, @Ctx() ctx: Context) {
    return ctx.services.mail.preview(currentViewer(ctx), currentUser(ctx).locale, input);
  }

  @Authorized()
  @Mutation(() => SendMailResult, { description: 'Queues the mail to each contact; History shows each as queued, then sent or failed' })
  sendMail(@Arg('input') input: SendMailInput, @Ctx() ctx: Context) {
    return ctx.services.mail.send(currentViewer(ctx), currentUser(ctx).locale, input);
  }

  @Authorized()
  @Mutation(() => OutboxMailType, { description: 'Sends a failed or uncertain mail again, with the same Message-ID' })
  resendMail(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return ctx.services.mail.resend(currentViewer(ctx), id);
  }

  @Authorized()
  @Query(() => OutboxMailType, { description: 'A mail from History, as sent' })
  mail(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return ctx.services.mail.get(currentViewer(ctx), id);
  }
}
