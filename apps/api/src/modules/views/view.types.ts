import { ArrayMaxSize, IsEnum, IsOptional, IsString, IsUUID, Length, ValidateNested } from 'class-validator';
import { Field, ID, InputType, ObjectType, registerEnumType } from 'type-graphql';
import { CardFilter, CardSort } from '../cards/card.types';

export enum ViewKind {
  CARDS = 'CARDS',
  CLIENTS = 'CLIENTS',
}
registerEnumType(ViewKind, { name: 'ViewKind' });

@ObjectType('View')
export class ViewType {
  @Field(() => ID)
  id: string;

  @Field()
  name: string;

  @Field(() => ViewKind)
  kind: ViewKind;

  @Field(() => ID, { nullable: true })
  pipelineId: string | null;

  @Field(() => ID)
  ownerId: string;

  @Field({ description: 'Shared with everyone, or private to its owner' })
  shared: boolean;

  @Field(() => CardFilter)
  filter: CardFilter;

  @Field(() => [String], { description: 'Visible columns, in order' })
  columns: string[];

  @Field(() => CardSort, { nullable: true })
  sort: CardSort | null;

  @Field({ description: 'The viewer may edit or delete it' })
  editable: boolean;
}

@InputType()
export class ViewInput {
  @Field()
  @Length(1, 120, { message: 'Enter a name of at most 120 characters.' })
  name: string;

  @Field(() => ViewKind, { defaultValue: ViewKind.CARDS })
  @IsEnum(ViewKind)
  kind: ViewKind;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  pipelineId?: string;

  @Field({ defaultValue: false })
  shared: boolean;

  @Field(() => CardFilter, { defaultValue: {} })
  @ValidateNested()
  filter: CardFilter;

  @Field(() => [String], { defaultValue: [] })
  @IsString({ each: true })
  @ArrayMaxSize(50)
  columns: string[];

  @Field(() => CardSort, { nullable: true })
  @IsOptional()
  @ValidateNested()
  sort?: CardSort;
}
