import { Arg, Authorized, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import { Context, currentViewer } from '../../graphql/context';
import { ContactType } from '../clients/client.types';
import { ContactInput } from './contact.types';

@Resolver(() => ContactType)
export class ContactResolver {
  @Authorized()
  @Query(() => [ContactType], { description: 'Contacts of a client, the primary first' })
  contacts(@Arg('clientId', () => ID) clientId: string, @Ctx() ctx: Context) {
    return ctx.services.contacts.list(currentViewer(ctx), clientId);
  }

  @Authorized()
  @Mutation(() => ContactType, { description: 'The first contact of a client becomes its primary' })
  createContact(@Arg('clientId', () => ID) clientId: string, @Arg('input') input: ContactInput, @Ctx() ctx: Context) {
    return ctx.services.contacts.create(currentViewer(ctx), clientId, input);
  }

  @Authorized()
  @Mutation(() => ContactType)
  updateContact(@Arg('id', () => ID) id: string, @Arg('input') input: ContactInput, @Ctx() ctx: Context) {
    return ctx.services.contacts.update(currentViewer(ctx), id, input);
  }

  @Authorized()
  @Mutation(() => ContactType)
  setPrimaryContact(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return ctx.services.contacts.setPrimary(currentViewer(ctx), id);
  }

  @Authorized()
  @Mutation(() => Boolean, { description: 'Moves the contact to the trash' })
  deleteContact(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return ctx.services.contacts.delete(currentViewer(ctx), id);
  }
}
