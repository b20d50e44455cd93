import { ArrayMaxSize, ArrayMinSize, IsEnum, IsOptional, Length, MaxLength } from 'class-validator';
import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';

/** The events a hook may listen to; the body's `type` is the dotted name (CARD_MOVED: card.moved). */
export enum WebhookEvent {
  CARD_CREATED = 'card.created',
  CARD_MOVED = 'card.moved',
  CARD_WON = 'card.won',
  CARD_LOST = 'card.lost',
  CLIENT_CREATED = 'client.created',
  CLIENT_UPDATED = 'client.updated',
  CLIENT_MERGED = 'client.merged',
  CLIENT_DELETED = 'client.deleted',
  TODO_DONE = 'todo.done',
  MAIL_RECEIVED = 'mail.received',
}
registerEnumType(WebhookEvent, { name: 'WebhookEvent', description: 'An event a webhook listens to; the delivery body names it in dotted form (CARD_MOVED: card.moved)' });

export enum WebhookDeliveryState {
  PENDING = 'PENDING',
  DELIVERED = 'DELIVERED',
  FAILED = 'FAILED',
  SKIPPED = 'SKIPPED',
  CANCELLED = 'CANCELLED',
}
registerEnumType(WebhookDeliveryState, { name: 'WebhookDeliveryState', description: 'Waiting or retrying, delivered, failed for good, skipped (item in the trash) or cancelled (hook off)' });

@ObjectType('Webhook')
export class WebhookType {
  @Field(() => ID)
  id: string;

  @Field()
  url: string;

  @Field(() => [WebhookEvent])
  events: WebhookEvent[];

  @Field()
  active: boolean;

  @Field(() => String, { nullable: true, description: 'Why the system turned it off (a delivery failed for the whole retry window)' })
  disabledReason: string | null;

  @Field(() => Date, { nullable: true })
  disabledAt: Date | null;

  @Field()
  createdAt: Date;
}

@ObjectType({ description: 'A new webhook and its signing secret (shown only in this answer)' })
export class CreatedWebhook {
  @Field(() => WebhookType)
  webhook: WebhookType;

  @Field()
  secret: string;
}

@ObjectType('WebhookDelivery')
export class WebhookDeliveryType {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  webhookId: string;

  @Field(() => WebhookEvent)
  event: WebhookEvent;

  @Field(() => WebhookDeliveryState)
  state: WebhookDeliveryState;

  @Field(() => Int)
  attempts: number;

  @Field(() => Int, { nullable: true })
  responseCode: number | null;

  @Field(() => String, { nullable: true })
  lastError: string | null;

  @Field(() => Int, { nullable: true })
  durationMs: number | null;

  @Field({ description: 'The JSON body sent' })
  requestBody: string;

  @Field()
  createdAt: Date;

  @Field(() => Date, { nullable: true })
  lastAttemptAt: Date | null;
}

@InputType()
export class WebhookInput {
  @Field()
  @Length(1, 2000, { message: 'Enter the address.' })
  url: string;

  @Field(() => [WebhookEvent])
  @ArrayMinSize(1, { message: 'Choose at least one event.' })
  @ArrayMaxSize(20)
  @IsEnum(WebhookEvent, { each: true })
  events: WebhookEvent[];
}

@InputType()
export class WebhookDeliveryFilter {
  @Field(() => String, { nullable: true, description: 'Words in the body, the event or the error; or a response code' })
  @IsOptional()
  @MaxLength(200)
  text?: string | null;

  @Field(() => WebhookDeliveryState, { nullable: true })
  @IsOptional()
  @IsEnum(WebhookDeliveryState)
  state?: WebhookDeliveryState | null;
}

@ObjectType()
export class WebhookSettings {
  @Field({ description: 'Whether hooks may reach private and loopback addresses (off: refused, SSRF protection)' })
  allowPrivateTargets: boolean;
}
