import { ArrayMaxSize, IsEmail, IsOptional, Length, MaxLength } from 'class-validator';
import { Field, InputType } from 'type-graphql';

@InputType()
export class ContactInput {
  @Field()
  @Length(1, 200, { message: 'Enter a name of at most 200 characters.' })
  name: string;

  @Field({ nullable: true, description: 'Role or job title at the client' })
  @IsOptional()
  @MaxLength(120)
  title?: string;

  @Field(() => [String], { defaultValue: [] })
  @IsEmail({}, { each: true, message: 'Enter valid email addresses.' })
  @ArrayMaxSize(10)
  emails: string[];

  @Field(() => [String], { defaultValue: [] })
  @Length(3, 40, { each: true, message: 'Enter phone numbers of 3 to 40 characters.' })
  @ArrayMaxSize(10)
  phones: string[];
}
