import { atLeast, Role } from '@crm/shared';
import { IsIn, IsOptional, IsUUID, ArrayMaxSize, ArrayMinSize } from 'class-validator';
import { Arg, Args, ArgsType, Authorized, Ctx, Field, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import { Context, currentUser, currentViewer } from '../../graphql/context';
import { PageInput } from '../cards/card.types';
import { ClientList } from '../clients/client.types';
import {
  AddListMembersInput,
  CampaignInput,
  CampaignRecipientPage,
  CampaignReview,
  CampaignTemplateOption,
  CampaignType,
  ConsentInput,
  ContactConsentType,
  DistributionListInput,
  DistributionListType,
  AddSuppressionInput,
  CampaignSettingsInput,
  CampaignSettingsType,
  RemoveSuppressionInput,
  SuppressionPage,
  SuppressionType,
} from './campaign.types';
import { RECIPIENT_STATES } from '@crm/shared';

const MANAGE = atLeast(Role.Manager);
const USE = atLeast(Role.Normal);

@ArgsType()
class RemoveMembersArgs {
  @Field(() => ID)
  @IsUUID()
  listId: string;

  @Field(() => [ID])
  @IsUUID('all', { each: true })
  @ArrayMinSize(1)
  @ArrayMaxSize(5000)
  clientIds: string[];
}

@ArgsType()
class RecipientArgs {
  @Field(() => ID)
  @IsUUID()
  campaignId: string;

  @Field(() => String, { nullable: true, description: RECIPIENT_STATES.join(', ') })
  @IsOptional()
  @IsIn(RECIPIENT_STATES as unknown as string[])
  state?: string | null;

  @Field(() => PageInput, { nullable: true })
  @IsOptional()
  page?: PageInput;
}

@Resolver(() => DistributionListType)
export class DistributionListResolver {
  @Authorized(USE)
  @Query(() => [DistributionListType], { description: 'Every distribution list, with how many of its clients the viewer may see' })
  distributionLists(@Ctx() ctx: Context) {
    return ctx.services.lists.list(currentViewer(ctx));
  }

  @Authorized(USE)
  @Query(() => DistributionListType)
  distributionList(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return ctx.services.lists.get(currentViewer(ctx), id);
  }

  @Authorized(USE)
  @Query(() => ClientList, { description: "A list's clients that the viewer may see (a dynamic list: who matches now)" })
  listMembers(
    @Arg('listId', () => ID) listId: string,
    @Arg('text', () => String, { nullable: true }) text: string | null,
    @Arg('page', () => PageInput, { nullable: true }) page: PageInput | null,
    @Ctx() ctx: Context,
  ) {
    return ctx.services.lists.members(currentViewer(ctx), listId, text?.slice(0, 200), page ?? { offset: 0, limit: 50 });
  }

  @Authorized(MANAGE)
  @Mutation(() => DistributionListType)
  createDistributionList(@Arg('input') input: DistributionListInput, @Ctx() ctx: Context) {
    return ctx.services.lists.create(currentViewer(ctx), input);
  }

  @Authorized(MANAGE)
  @Mutation(() => DistributionListType)
  updateDistributionList(@Arg('id', () => ID) id: string, @Arg('input') input: DistributionListInput, @Ctx() ctx: Context) {
    return ctx.services.lists.update(currentViewer(ctx), id, input);
  }

  @Authorized(MANAGE)
  @Mutation(() => Boolean)
  archiveDistributionList(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return ctx.services.lists.archive(currentViewer(ctx), id);
  }

  @Authorized(MANAGE)
  @Mutation(() => Int, { description: 'Adds the picked clients, or all matching a filter, to a static list; returns how many were new' })
  addListMembers(@Arg('input') input: AddListMembersInput, @Ctx() ctx: Context) {
    return ctx.services.lists.addMembers(currentViewer(ctx), input);
  }

  @Authorized(MANAGE)
  @Mutation(() => Int, { description: 'Removes clients from a static list; returns how many' })
  removeListMembers(@Args() args: RemoveMembersArgs, @Ctx() ctx: Context) {
    return ctx.services.lists.removeMembers(currentViewer(ctx), args.listId, args.clientIds);
  }
}

@Resolver(() => CampaignType)
export class CampaignResolver {
  @Authorized(MANAGE)
  @Query(() => [CampaignType], { description: 'Campaigns, newest first, with their totals' })
  campaigns(@Ctx() ctx: Context) {
    return ctx.services.campaigns.list();
  }

  @Authorized(MANAGE)
  @Query(() => CampaignType)
  campaign(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return ctx.services.campaigns.get(id);
  }

  @Authorized(MANAGE)
  @Query(() => CampaignReview, { description: 'What sending would do: recipients after suppression, who is left out and why, three previews' })
  campaignReview(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return ctx.services.campaigns.review(currentViewer(ctx), id);
  }

  @Authorized(MANAGE)
  @Query(() => CampaignRecipientPage, { description: "Each recipient's state (for the clients the viewer may see)" })
  campaignRecipients(@Args() args: RecipientArgs, @Ctx() ctx: Context) {
    return ctx.services.campaigns.recipients(currentViewer(ctx), args.campaignId, args.state, args.page ?? { offset: 0, limit: 50 });
  }

  @Authorized(MANAGE)
  @Mutation(() => CampaignType)
  createCampaign(@Arg('input') input: CampaignInput, @Ctx() ctx: Context) {
    return ctx.services.campaigns.create(currentViewer(ctx), input);
  }

  @Authorized(MANAGE)
  @Mutation(() => CampaignType)
  updateCampaign(@Arg('id', () => ID) id: string, @Arg('input') input: CampaignInput, @Ctx() ctx: Context) {
    return ctx.services.campaigns.update(currentViewer(ctx), id, input);
  }

  @Authorized(MANAGE)
  @Mutation(() => CampaignType, { description: 'Sends now or at its time; refused while recipients lack values unless confirmMissing (they are left out)' })
  sendCampaign(@Arg('id', () => ID) id: string, @Arg('confirmMissing', { defaultValue: false }) confirmMissing: boolean, @Ctx() ctx: Context) {
    return ctx.services.campaigns.send(currentViewer(ctx), id, confirmMissing);
  }

  @Authorized(MANAGE)
  @Mutation(() => String, { description: "Sends the first recipient's mail to the sender's own address; returns that address" })
  testSendCampaign(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return ctx.services.campaigns.testSend(currentViewer(ctx), id);
  }

  @Authorized(MANAGE)
  @Mutation(() => CampaignType)
  pauseCampaign(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return ctx.services.campaigns.pause(currentViewer(ctx), id);
  }

  @Authorized(MANAGE)
  @Mutation(() => CampaignType)
  resumeCampaign(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return ctx.services.campaigns.resume(currentViewer(ctx), id);
  }

  @Authorized(MANAGE)
  @Mutation(() => CampaignType, { description: 'Mails not yet let out are never sent' })
  cancelCampaign(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return ctx.services.campaigns.cancel(currentViewer(ctx), id);
  }

  @Authorized(MANAGE)
  @Query(() => [CampaignTemplateOption], { description: 'The email templates a campaign may use' })
  campaignTemplates(@Ctx() ctx: Context) {
    return ctx.services.campaigns.templates();
  }

  @Authorized(MANAGE)
  @Query(() => SuppressionPage, { description: 'Addresses no campaign may mail, newest first, searched by address' })
  suppressions(
    @Arg('search', () => String, { nullable: true }) search: string | null,
    @Arg('page', () => PageInput, { nullable: true }) page: PageInput | null,
    @Ctx() ctx: Context,
  ) {
    return ctx.services.suppressions.page(search?.slice(0, 254), page ?? { offset: 0, limit: 50 });
  }

  @Authorized(MANAGE)
  @Mutation(() => SuppressionType, { description: 'Suppresses an address by hand (an address already on the list keeps its entry)' })
  addSuppression(@Arg('input') input: AddSuppressionInput, @Ctx() ctx: Context) {
    return ctx.services.suppressions.add(currentUser(ctx).id, input);
  }

  @Authorized(MANAGE)
  @Mutation(() => Boolean, { description: 'Takes an address off the list; lifting an unsubscribe needs a reason' })
  removeSuppression(@Arg('input') input: RemoveSuppressionInput, @Ctx() ctx: Context) {
    return ctx.services.suppressions.remove(currentUser(ctx).id, input);
  }

  @Authorized(atLeast(Role.Admin))
  @Query(() => CampaignSettingsType, { description: 'The campaign throttle and tracking switch' })
  campaignSettings(@Ctx() ctx: Context) {
    return ctx.services.campaigns.settings();
  }

  @Authorized(atLeast(Role.Admin))
  @Mutation(() => CampaignSettingsType)
  updateCampaignSettings(@Arg('input') input: CampaignSettingsInput, @Ctx() ctx: Context) {
    return ctx.services.campaigns.updateSettings(currentUser(ctx).id, input);
  }

  @Authorized()
  @Query(() => [ContactConsentType], { description: "A contact's campaign consent history, newest first" })
  contactConsents(@Arg('contactId', () => ID) contactId: string, @Ctx() ctx: Context) {
    return ctx.services.campaigns.consents(currentViewer(ctx), contactId);
  }

  @Authorized(USE)
  @Mutation(() => [ContactConsentType], { description: 'Records consent given or withdrawn; returns the history' })
  setContactConsent(@Arg('input') input: ConsentInput, @Ctx() ctx: Context) {
    return ctx.services.campaigns.setConsent(currentViewer(ctx), input);
  }
}
