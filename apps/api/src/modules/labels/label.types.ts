import { IsEnum, IsHexColor, IsOptional, Length } from 'class-validator';
import { Field, ID, InputType, ObjectType, registerEnumType } from 'type-graphql';

/** The four admin-managed lists that label clients. */
export enum LabelKind {
  DEPARTMENT = 'DEPARTMENT',
  CATEGORY = 'CATEGORY',
  CLASSIFICATION = 'CLASSIFICATION',
  TAG = 'TAG',
}
registerEnumType(LabelKind, { name: 'LabelKind', description: 'Department, category, classification or tag' });

@ObjectType('Label')
export class LabelType {
  @Field(() => ID)
  id: string;

  @Field(() => LabelKind)
  kind: LabelKind;

  @Field()
  name: string;

  @Field(() => String, { nullable: true, description: 'Categories only' })
  color: string | null;

  @Field(() => Date, { nullable: true })
  archivedAt: Date | null;
}

@InputType()
export class LabelInput {
  @Field(() => LabelKind)
  @IsEnum(LabelKind)
  kind: LabelKind;

  @Field()
  @Length(1, 80, { message: 'Enter a name of at most 80 characters.' })
  name: string;

  @Field({ nullable: true })
  @IsOptional()
  @IsHexColor({ message: 'Pick a colour like #3366ff.' })
  color?: string;
}
