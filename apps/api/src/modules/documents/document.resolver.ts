import { Arg, Args, Authorized, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import { Context, currentViewer } from '../../graphql/context';
import { DocumentPlaceInput, DocumentType, FolderArgs } from './document.types';

// Uploads and downloads go over plain HTTP (document.routes.ts); the rest is here.
@Resolver(() => DocumentType)
export class DocumentResolver {
  @Authorized()
  @Query(() => [DocumentType], { description: 'Documents of a client (of one pipeline, if given) by folder and name' })
  documents(@Arg('clientId', () => ID) clientId: string, @Arg('pipelineId', () => ID, { nullable: true }) pipelineId: string | null, @Ctx() ctx: Context) {
    return ctx.services.documents.list(currentViewer(ctx), clientId, pipelineId);
  }

  @Authorized()
  @Query(() => [String], { description: "A client's document folders in a pipeline ('' is the top), empty ones included" })
  documentFolders(@Arg('clientId', () => ID) clientId: string, @Arg('pipelineId', () => ID) pipelineId: string, @Ctx() ctx: Context) {
    return ctx.services.documents.folders(currentViewer(ctx), clientId, pipelineId);
  }

  @Authorized()
  @Mutation(() => [String], { description: 'Makes a folder (kept even when empty); answers the folders' })
  createDocumentFolder(@Args() { clientId, pipelineId, name }: FolderArgs, @Ctx() ctx: Context) {
    return ctx.services.documents.createFolder(currentViewer(ctx), clientId, pipelineId, name);
  }

  @Authorized()
  @Mutation(() => [String], { description: 'Deletes an empty folder; answers the folders' })
  deleteDocumentFolder(@Args() { clientId, pipelineId, name }: FolderArgs, @Ctx() ctx: Context) {
    return ctx.services.documents.deleteFolder(currentViewer(ctx), clientId, pipelineId, name);
  }

  @Authorized()
  @Mutation(() => DocumentType)
  moveDocument(@Arg('id', () => ID) id: string, @Arg('to') to: DocumentPlaceInput, @Ctx() ctx: Context) {
    return ctx.services.documents.move(currentViewer(ctx), id, to);
  }

  @Authorized()
  @Mutation(() => DocumentType)
  copyDocument(@Arg('id', () => ID) id: string, @Arg('to') to: DocumentPlaceInput, @Ctx() ctx: Context) {
    return ctx.services.documents.copy(currentViewer(ctx), id, to);
  }

  @Authorized()
  @Mutation(() => DocumentType, { description: 'Shares a public link (true: a new one) or revokes it (false)' })
  setDocumentShared(@Arg('id', () => ID) id: string, @Arg('shared') shared: boolean, @Ctx() ctx: Context) {
    return ctx.services.documents.setShared(currentViewer(ctx), id, shared);
  }

  @Authorized()
  @Mutation(() => Boolean, { description: 'Moves the document to the trash' })
  deleteDocument(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return ctx.services.documents.delete(currentViewer(ctx), id);
  }
}
