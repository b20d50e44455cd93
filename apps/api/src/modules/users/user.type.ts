import { Role } from '@crm/shared';
import { Field, ID, ObjectType } from 'type-graphql';
import { RoleEnum } from '../../graphql/enums';
import { LabelRef } from '../cards/card.types';

@ObjectType('User')
export class UserType {
  @Field(() => ID)
  id: string;

  @Field()
  email: string;

  @Field()
  name: string;

  @Field(() => RoleEnum)
  role: Role;

  @Field()
  active: boolean;

  @Field()
  locale: string;

  @Field(() => String, { nullable: true })
  signature: string | null;

  @Field(() => Date, { nullable: true })
  lastLoginAt: Date | null;

  @Field()
  createdAt: Date;

  @Field(() => [LabelRef], { description: 'Departments whose clients the user sees (none: all)' })
  departments?: LabelRef[];

  photoKey?: string | null;
}
