import { ArrayMaxSize, IsEnum, IsOptional, IsUUID, Length } from 'class-validator';
import { GraphQLJSON } from 'graphql-scalars';
import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';

export enum CustomFieldKind {
  TEXT = 'TEXT',
  LONG_TEXT = 'LONG_TEXT',
  NUMBER = 'NUMBER',
  MONEY = 'MONEY',
  DATE = 'DATE',
  SELECT = 'SELECT',
  MULTI_SELECT = 'MULTI_SELECT',
  BOOLEAN = 'BOOLEAN',
  USER = 'USER',
}
registerEnumType(CustomFieldKind, { name: 'CustomFieldKind' });

@ObjectType('CustomField')
export class CustomFieldType {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  pipelineId: string;

  @Field()
  label: string;

  @Field(() => CustomFieldKind)
  kind: CustomFieldKind;

  @Field(() => [String], { description: 'Choices of a SELECT or MULTI_SELECT field' })
  options: string[];

  @Field()
  required: boolean;

  @Field(() => Int)
  position: number;

  @Field(() => Date, { nullable: true })
  archivedAt: Date | null;
}

@InputType()
export class CustomFieldInput {
  @Field()
  @Length(1, 120, { message: 'Enter a label of at most 120 characters.' })
  label: string;

  @Field(() => CustomFieldKind)
  @IsEnum(CustomFieldKind)
  kind: CustomFieldKind;

  @Field(() => [String], { defaultValue: [] })
  @Length(1, 120, { each: true, message: 'Each choice needs 1 to 120 characters.' })
  @ArrayMaxSize(200)
  options: string[];

  @Field({ defaultValue: false })
  required: boolean;
}

@InputType()
export class FieldValueInput {
  @Field(() => ID)
  @IsUUID()
  fieldId: string;

  @Field(() => GraphQLJSON, { nullable: true, description: 'null clears the value' })
  @IsOptional()
  value: unknown;
}
