import { ArrayMaxSize, ArrayMinSize, IsOptional, IsUUID, Length, MaxLength } from 'class-validator';
import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';

@ObjectType('MailPreview')
export class MailPreview {
  @Field()
  subject: string;

  @Field()
  html: string;

  @Field()
  text: string;

  @Field(() => [String], { description: 'Variables with no value for this card and recipient (sending is refused while any remain)' })
  missing: string[];
}

@InputType()
export class MailDraftInput {
  @Field(() => ID)
  @IsUUID()
  cardId: string;

  @Field(() => ID, { nullable: true, description: 'The recipient contact' })
  @IsOptional()
  @IsUUID()
  contactId?: string;

  @Field(() => ID, { nullable: true, description: 'Start from this template…' })
  @IsOptional()
  @IsUUID()
  templateId?: string;

  @Field({ nullable: true, description: '…or from this subject and body (edited in the send dialog)' })
  @IsOptional()
  @MaxLength(500)
  subject?: string;

  @Field({ nullable: true })
  @IsOptional()
  @MaxLength(50_000)
  body?: string;
}

@InputType()
export class SendMailInput {
  @Field(() => ID)
  @IsUUID()
  cardId: string;

  @Field(() => [ID], { description: 'One mail per contact' })
  @IsUUID('all', { each: true })
  @ArrayMinSize(1, { message: 'Choose at least one contact.' })
  @ArrayMaxSize(50)
  contactIds: string[];

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  templateId?: string;

  @Field()
  @Length(1, 500, { message: 'Enter a subject.' })
  subject: string;

  @Field()
  @Length(1, 50_000, { message: 'Write the body of the mail.' })
  body: string;

  @Field({ description: 'A key the browser makes once per send dialog: sending twice queues nothing twice' })
  @Length(8, 100)
  requestId: string;
}

@ObjectType('SendMailResult')
export class SendMailResult {
  @Field(() => Int)
  queued: number;

  @Field(() => [ID])
  mailIds: string[];
}

@ObjectType('OutboxMail')
export class OutboxMailType {
  @Field(() => ID)
  id: string;

  @Field(() => [String])
  to: string[];

  @Field()
  subject: string;

  @Field()
  html: string;

  @Field()
  text: string;

  @Field({ description: 'QUEUED, SENDING, SENT, FAILED or UNCERTAIN' })
  status: string;

  @Field(() => String, { nullable: true })
  lastError: string | null;

  @Field(() => Date, { nullable: true })
  sentAt: Date | null;

  @Field()
  createdAt: Date;
}
