import { Field, ID, Int, ObjectType } from 'type-graphql';

@ObjectType('UnsortedContact', { description: 'An address seen in incoming mail that belongs to no client yet' })
export class UnsortedContactType {
  @Field(() => ID)
  id: string;

  @Field()
  email: string;

  @Field(() => String, { nullable: true })
  name: string | null;

  @Field()
  source: string;

  @Field(() => Int)
  seenCount: number;

  @Field()
  lastSeenAt: Date;
}

@ObjectType('InboundAttachment', { description: 'A file that came with an incoming mail' })
export class InboundAttachmentType {
  @Field()
  name: string;

  @Field()
  mimeType: string;

  @Field(() => Int)
  size: number;

  @Field(() => String, { nullable: true })
  contentId: string | null;

  @Field({ description: 'Shown inside the HTML body rather than as a file' })
  inline: boolean;
}

@ObjectType('InboundMail')
export class InboundMailType {
  @Field(() => ID)
  id: string;

  @Field(() => String, { nullable: true, description: 'Null when the message had no From (unknown sender)' })
  fromAddress: string | null;

  @Field(() => String, { nullable: true })
  fromName: string | null;

  @Field(() => [String])
  toAddresses: string[];

  @Field()
  subject: string;

  @Field()
  text: string;

  @Field(() => String, { nullable: true, description: 'The HTML body as sent; the web app sanitises it and shows it in a sandboxed frame' })
  html: string | null;

  @Field({ description: 'CLIENT, UNSORTED, BOUNCE, COMPLAINT or AUTO_REPLY' })
  kind: string;

  @Field(() => ID, { nullable: true })
  clientId: string | null;

  @Field(() => Date, { nullable: true })
  sentAt: Date | null;

  @Field(() => String, { nullable: true, description: 'The charset guessed for 8-bit text that declared none' })
  detectedCharset: string | null;

  @Field(() => [InboundAttachmentType])
  attachments: InboundAttachmentType[];

  @Field(() => [ID], { description: 'The documents its attachments became once filed under a client' })
  documentIds: string[];

  @Field(() => [ID], { description: 'Clients the mail could belong to when routing found more than one' })
  candidateClientIds: string[];

  @Field()
  receivedAt: Date;
}

@ObjectType('InboundMailText', { description: 'A mail decoded again in a chosen charset' })
export class InboundMailTextType {
  @Field()
  text: string;

  @Field(() => String, { nullable: true })
  html: string | null;
}

@ObjectType('InboundInlineImage', { description: 'An image shown inside a mail\'s HTML (cid:)' })
export class InboundInlineImageType {
  @Field()
  contentId: string;

  @Field({ description: 'The image as a data: URL' })
  dataUrl: string;
}

@ObjectType('CalendarEvent', { description: 'An event of a calendar invite that came with a mail' })
export class CalendarEventType {
  @Field()
  summary: string;

  @Field(() => String, { nullable: true, description: 'ISO date or date-time as in the invite (Z for UTC, else local to the invite)' })
  start: string | null;

  @Field(() => String, { nullable: true })
  end: string | null;

  @Field(() => String, { nullable: true })
  location: string | null;

  @Field(() => String, { nullable: true })
  organizer: string | null;

  @Field(() => String, { nullable: true, description: 'REQUEST, CANCEL, REPLY, ...' })
  method: string | null;
}
