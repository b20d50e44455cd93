import { IsInt, IsOptional, IsUUID, Length, Matches, Max, MaxLength, Min } from 'class-validator';
import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';

@ObjectType('EmailTemplate')
export class EmailTemplateType {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  pipelineId: string;

  @Field()
  name: string;

  @Field(() => String, { nullable: true })
  category: string | null;

  @Field({ description: 'Handlebars' })
  subject: string;

  @Field({ description: 'Handlebars; plain text with line breaks' })
  body: string;

  @Field(() => Date, { nullable: true })
  archivedAt: Date | null;

  @Field()
  updatedAt: Date;
}

@InputType()
export class EmailTemplateInput {
  @Field(() => ID)
  @IsUUID()
  pipelineId: string;

  @Field()
  @Length(1, 120, { message: 'Enter a name of at most 120 characters.' })
  name: string;

  @Field({ nullable: true })
  @IsOptional()
  @MaxLength(80)
  category?: string;

  @Field()
  @Length(1, 500, { message: 'Enter a subject of at most 500 characters.' })
  subject: string;

  @Field()
  @Length(1, 50_000, { message: 'Write the body of the mail.' })
  body: string;
}

@ObjectType('TodoTemplate')
export class TodoTemplateType {
  @Field(() => ID)
  id: string;

  @Field(() => ID, { nullable: true })
  pipelineId: string | null;

  @Field()
  title: string;

  @Field(() => String, { nullable: true })
  text: string | null;

  @Field(() => Int, { description: 'Days from creation to the deadline' })
  deadlineOffsetDays: number;

  @Field(() => String, { nullable: true, description: 'HH:MM in the organisation’s time zone' })
  deadlineTime: string | null;
}

@InputType()
export class TodoTemplateInput {
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  pipelineId?: string;

  @Field()
  @Length(1, 300, { message: 'Enter a title of at most 300 characters.' })
  title: string;

  @Field({ nullable: true })
  @IsOptional()
  @MaxLength(5000)
  text?: string;

  @Field(() => Int, { defaultValue: 1 })
  @IsInt()
  @Min(0)
  @Max(3650)
  deadlineOffsetDays: number;

  @Field({ nullable: true })
  @IsOptional()
  @Matches(/^([01]\d|2[0-3]):[0-5]\d$/, { message: 'Enter a time as HH:MM.' })
  deadlineTime?: string;
}
