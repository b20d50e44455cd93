import { CAMPAIGN_STATUSES, LIST_CHANNELS, LIST_KINDS, LIST_RECIPIENTS, RECIPIENT_STATES } from '@crm/shared';
import { ArrayMaxSize, IsEmail, IsEnum, IsIn, IsInt, IsOptional, IsUUID, Length, Matches, Max, MaxLength, Min, ValidateIf, ValidateNested } from 'class-validator';
import { GraphQLJSON } from 'graphql-scalars';
import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { IdListField } from '../../graphql/fields';
import { ClientTypeEnum } from '../../graphql/enums';
import { ClientType } from '@crm/shared';

/**
 * Clients with a card whose custom field holds `value` (text, choice, number, date or yes/no),
 * and/or a number or date from `min` to `max` inclusive.
 */
@ObjectType('ListCustomCondition')
@InputType('ListCustomConditionInput')
export class ListCustomCondition {
  @Field(() => ID)
  @IsUUID()
  fieldId: string;

  @Field(() => GraphQLJSON, { nullable: true })
  value?: unknown;

  @Field(() => GraphQLJSON, { nullable: true, description: 'A number, or a date as YYYY-MM-DD' })
  min?: unknown;

  @Field(() => GraphQLJSON, { nullable: true, description: 'A number, or a date as YYYY-MM-DD' })
  max?: unknown;
}

@InputType('ListFilterInput', { description: "A dynamic list's client filter (evaluated whenever the list is read or sent to)" })
export class ListFilterInput {
  @Field({ nullable: true })
  @IsOptional()
  @MaxLength(200)
  text?: string;

  @Field(() => ClientTypeEnum, { nullable: true })
  @IsOptional()
  @IsEnum(ClientType)
  type?: ClientType;

  @IdListField()
  categoryIds?: string[];

  @IdListField()
  classificationIds?: string[];

  @IdListField()
  tagIds?: string[];

  @IdListField()
  departmentIds?: string[];

  @IdListField()
  ownerIds?: string[];

  @IdListField('Clients with a card in one of these pipelines')
  pipelineIds?: string[];

  @IdListField('Clients with a card in one of these statuses')
  statusIds?: string[];

  @Field(() => [ListCustomCondition], { nullable: true, description: 'Clients with a card meeting all of these (and the pipelines and statuses)' })
  @IsOptional()
  @ValidateNested({ each: true })
  @ArrayMaxSize(20)
  custom?: ListCustomCondition[];
}

@ObjectType('ListFilter')
export class ListFilterType {
  @Field(() => String, { nullable: true })
  text?: string | null;

  @Field(() => ClientTypeEnum, { nullable: true })
  type?: ClientType | null;

  @Field(() => [ID])
  categoryIds: string[];

  @Field(() => [ID])
  classificationIds: string[];

  @Field(() => [ID])
  tagIds: string[];

  @Field(() => [ID])
  departmentIds: string[];

  @Field(() => [ID])
  ownerIds: string[];

  @Field(() => [ID])
  pipelineIds: string[];

  @Field(() => [ID])
  statusIds: string[];

  @Field(() => [ListCustomCondition])
  custom: ListCustomCondition[];
}

@ObjectType('DistributionList')
export class DistributionListType {
  @Field(() => ID)
  id: string;

  @Field()
  name: string;

  @Field({ description: 'STATIC or DYNAMIC' })
  kind: string;

  @Field({ description: 'EMAIL, POSTAL or SMS' })
  channel: string;

  @Field({ description: 'PRIMARY, ALL or ROLE: which contacts of each client receive' })
  recipients: string;

  @Field(() => String, { nullable: true })
  role: string | null;

  @Field(() => ListFilterType, { nullable: true })
  filter: ListFilterType | null;

  @Field(() => Int, { description: 'Clients on the list that the viewer may see (a dynamic list: matching now)' })
  clientCount: number;

  @Field()
  createdAt: Date;

  @Field()
  updatedAt: Date;
}

@InputType()
export class DistributionListInput {
  @Field()
  @Length(1, 200, { message: 'Enter a name of at most 200 characters.' })
  name: string;

  @Field()
  @IsIn(LIST_KINDS as unknown as string[])
  kind: string;

  @Field()
  @IsIn(LIST_CHANNELS as unknown as string[])
  channel: string;

  @Field({ defaultValue: 'PRIMARY' })
  @IsIn(LIST_RECIPIENTS as unknown as string[])
  recipients: string;

  @Field(() => String, { nullable: true })
  @ValidateIf((o) => o.recipients === 'ROLE')
  @Length(1, 120, { message: 'Enter the role (a contact title contains it).' })
  role?: string | null;

  @Field(() => ListFilterInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  filter?: ListFilterInput | null;
}

@InputType()
export class AddListMembersInput {
  @Field(() => ID)
  @IsUUID()
  listId: string;

  @Field(() => [ID], { nullable: true, description: 'The clients picked' })
  @IsOptional()
  @IsUUID('all', { each: true })
  @ArrayMaxSize(5000)
  clientIds?: string[];

  @Field(() => ListFilterInput, { nullable: true, description: 'Every client matching this filter (select all matching)' })
  @IsOptional()
  @ValidateNested()
  matching?: ListFilterInput;
}

@ObjectType('CampaignTotals')
export class CampaignTotals {
  @Field(() => Int) recipients: number;
  @Field(() => Int) queued: number;
  @Field(() => Int) sent: number;
  @Field(() => Int) failed: number;
  @Field(() => Int) bounced: number;
  @Field(() => Int) unsubscribed: number;
  @Field(() => Int, { description: 'Reported the mail as spam' }) complained: number;
  @Field(() => Int) replied: number;
  @Field(() => Int) skipped: number;
  @Field(() => Int) cancelled: number;
  @Field(() => Int, { description: 'Recipients whose open pixel loaded at least once (approximate: images may be blocked or pre-fetched)' }) opened: number;
  @Field(() => Int, { description: 'Recipients who clicked a tracked link at least once (approximate: link scanners click too)' }) clicked: number;
}

@ObjectType('Campaign')
export class CampaignType {
  @Field(() => ID)
  id: string;

  @Field()
  name: string;

  @Field(() => ID)
  listId: string;

  @Field()
  listName: string;

  @Field(() => ID)
  templateId: string;

  @Field()
  templateName: string;

  @Field()
  fromName: string;

  @Field()
  fromAddress: string;

  @Field(() => String, { nullable: true })
  replyTo: string | null;

  @Field(() => Date, { nullable: true, description: 'When it is sent (null: when started)' })
  scheduledAt: Date | null;

  @Field({ description: CAMPAIGN_STATUSES.join(', ') })
  status: string;

  @Field(() => Int)
  perMinute: number;

  @Field(() => Int)
  perDomainPerMinute: number;

  @Field({ description: 'Its mails carry the open pixel and tracked links (the setting when it was prepared)' })
  tracking: boolean;

  @Field(() => Date, { nullable: true })
  startedAt: Date | null;

  @Field(() => Date, { nullable: true })
  finishedAt: Date | null;

  @Field()
  createdAt: Date;

  @Field(() => CampaignTotals)
  totals: CampaignTotals;
}

@InputType()
export class CampaignInput {
  @Field()
  @Length(1, 200, { message: 'Enter a name of at most 200 characters.' })
  name: string;

  @Field(() => ID)
  @IsUUID()
  listId: string;

  @Field(() => ID)
  @IsUUID()
  templateId: string;

  @Field(() => String, { nullable: true, description: "Defaults to the user's name" })
  @IsOptional()
  @Length(1, 200)
  fromName?: string | null;

  @Field(() => String, { nullable: true, description: "Defaults to MAIL_FROM, else the user's address" })
  @IsOptional()
  @IsEmail({}, { message: 'Enter a valid email address.' })
  fromAddress?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsEmail({}, { message: 'Enter a valid email address.' })
  replyTo?: string | null;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DDTHH:mm in the organisation time zone; null: send when started' })
  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, { message: 'Enter a date and time.' })
  sendAt?: string | null;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(100000)
  perMinute?: number | null;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(100000)
  perDomainPerMinute?: number | null;
}

@ObjectType('CampaignPreview')
export class CampaignPreview {
  @Field()
  email: string;

  @Field()
  clientName: string;

  @Field()
  subject: string;

  @Field()
  html: string;

  @Field()
  text: string;
}

@ObjectType('CampaignGap', { description: 'A recipient left out because the template has no value for some variables' })
export class CampaignGap {
  @Field()
  email: string;

  @Field()
  clientName: string;

  @Field(() => [String])
  missing: string[];
}

@ObjectType('CountByReason')
export class CountByReason {
  @Field()
  reason: string;

  @Field(() => Int)
  count: number;
}

@ObjectType('CampaignReview')
export class CampaignReview {
  @Field(() => Int, { description: 'Addresses that will receive it' })
  recipients: number;

  @Field(() => Int, { description: 'Clients on the list the sender may see' })
  clients: number;

  @Field(() => Int, { description: 'Clients without an address for this list' })
  noAddress: number;

  @Field(() => Int, { description: 'Members of a static list the sender may not see' })
  hidden: number;

  @Field(() => [CountByReason], { description: 'Suppressed addresses by reason' })
  suppressed: CountByReason[];

  @Field(() => [CampaignGap])
  missingValues: CampaignGap[];

  @Field(() => [CampaignPreview], { description: 'The mail for three real recipients' })
  previews: CampaignPreview[];
}

@ObjectType('CampaignRecipient')
export class CampaignRecipientType {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  clientId: string;

  @Field()
  clientName: string;

  @Field(() => String, { nullable: true })
  contactName: string | null;

  @Field()
  email: string;

  @Field({ description: RECIPIENT_STATES.join(', ') })
  state: string;

  @Field(() => String, { nullable: true })
  skipReason: string | null;

  @Field(() => [String], { nullable: true })
  missing: string[] | null;

  @Field(() => Date, { nullable: true })
  at: Date | null;
}

@ObjectType('CampaignRecipientPage')
export class CampaignRecipientPage {
  @Field(() => [CampaignRecipientType])
  items: CampaignRecipientType[];

  @Field(() => Int)
  total: number;
}

@ObjectType('ContactConsent')
export class ContactConsentType {
  @Field(() => ID)
  id: string;

  @Field()
  email: string;

  @Field({ description: 'OPTED_IN or OPTED_OUT' })
  status: string;

  @Field()
  source: string;

  @Field()
  createdAt: Date;
}

@ObjectType('SuppressionPage')
export class SuppressionPage {
  @Field(() => Int)
  total: number;

  @Field(() => [SuppressionType])
  items: SuppressionType[];
}

@InputType()
export class AddSuppressionInput {
  @Field()
  @MaxLength(254)
  @IsEmail({}, { message: 'Enter a valid email address.' })
  email: string;

  @Field(() => String, { nullable: true, description: 'Why (kept as its source), e.g. "asked by phone"' })
  @IsOptional()
  @MaxLength(40)
  note?: string | null;
}

@InputType()
export class RemoveSuppressionInput {
  @Field()
  @MaxLength(254)
  email: string;

  @Field(() => String, { nullable: true, description: 'Required to lift an unsubscribe (kept in the audit log)' })
  @IsOptional()
  @MaxLength(500)
  reason?: string | null;
}

@ObjectType('CampaignSettings', { description: 'The campaign throttle and tracking (admins change them)' })
export class CampaignSettingsType {
  @Field(() => Int, { description: 'Campaign mails let out per minute' })
  perMinute: number;

  @Field(() => Int, { description: 'Campaign mails let out per recipient domain per minute' })
  perDomainPerMinute: number;

  @Field(() => Int, { description: 'The server default (CAMPAIGN_PER_MINUTE), used until one is saved' })
  defaultPerMinute: number;

  @Field(() => Int, { description: 'The server default (CAMPAIGN_PER_DOMAIN_PER_MINUTE)' })
  defaultPerDomainPerMinute: number;

  @Field({ description: 'Approximate open and click tracking (off by default)' })
  tracking: boolean;
}

@InputType()
export class CampaignSettingsInput {
  @Field(() => Int)
  @IsInt()
  @Min(1)
  @Max(100000)
  perMinute: number;

  @Field(() => Int)
  @IsInt()
  @Min(1)
  @Max(100000)
  perDomainPerMinute: number;

  @Field()
  tracking: boolean;
}

@ObjectType('Suppression')
export class SuppressionType {
  @Field()
  email: string;

  @Field()
  reason: string;

  @Field({ description: 'CAMPAIGNS or ALL' })
  scope: string;

  @Field()
  source: string;

  @Field(() => String, { nullable: true, description: 'The campaign it came from (an unsubscribe or a bounce)' })
  campaignName: string | null;

  @Field(() => String, { nullable: true, description: 'Who added it by hand' })
  createdByName: string | null;

  @Field()
  createdAt: Date;
}

@InputType()
export class ConsentInput {
  @Field(() => ID)
  @IsUUID()
  contactId: string;

  @Field()
  @IsIn(['OPTED_IN', 'OPTED_OUT'])
  status: string;

  @Field({ description: 'How it was given: form, phone, in person ...' })
  @Length(1, 40)
  source: string;
}

@ObjectType('CampaignTemplateOption')
export class CampaignTemplateOption {
  @Field(() => ID)
  id: string;

  @Field()
  name: string;

  @Field()
  pipelineName: string;
}
