import { atLeast, Role } from '@crm/shared';
import { MaxLength } from 'class-validator';
import { Arg, Args, ArgsType, Authorized, Ctx, Field, ID, Mutation, Resolver } from 'type-graphql';
import { Context, currentUser } from '../../graphql/context';
import { PersonalDataKind } from './privacy.types';

const ADMIN = atLeast(Role.Admin);

@ArgsType()
class EraseArgs {
  @Field(() => PersonalDataKind)
  kind: PersonalDataKind;

  @Field(() => ID)
  id: string;

  @Field({ description: "The client's or contact's name, typed by the admin to confirm" })
  @MaxLength(200)
  confirmName: string;
}

/** Export (a download: GET /privacy/export) and erasure of a person's data, for admins. */
@Resolver()
export class PrivacyResolver {
  @Authorized(ADMIN)
  @Mutation(() => Boolean, {
    description:
      'Erases a client (with its contacts) or a contact from every table and file: cards, History, mail, documents, campaign and webhook logs. Recorded in the audit log without personal data. Refused with NAME_MISMATCH unless confirmName is their name.',
  })
  erasePersonalData(@Args() { kind, id, confirmName }: EraseArgs, @Ctx() ctx: Context) {
    return ctx.services.privacy.erase(currentUser(ctx).id, kind, id, confirmName);
  }
}
