import { atLeast, Role } from '@crm/shared';
import { Arg, Authorized, Ctx, Float, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import { Context, currentViewer } from '../../graphql/context';
import { ImportInput, ImportMappingType, ImportPreviewType, ImportRunType } from './import.types';

const MANAGER = atLeast(Role.Manager);

// Files come in over plain HTTP (import.routes.ts: POST /imports/upload, GET /imports/:id/rejects).
@Resolver(() => ImportRunType)
export class ImportResolver {
  @Authorized(MANAGER)
  @Query(() => ImportPreviewType, { description: 'How the file is read and mapped, and what the first rows would become; writes nothing' })
  importPreview(@Arg('input') input: ImportInput, @Ctx() ctx: Context) {
    return ctx.services.imports.preview(currentViewer(ctx), input);
  }

  @Authorized(MANAGER)
  @Query(() => Float, { description: 'The largest file an import takes, in MB' })
  importMaxMegabytes(@Ctx() ctx: Context) {
    return ctx.services.imports.maxMegabytes;
  }

  @Authorized(MANAGER)
  @Mutation(() => ImportRunType, { description: 'Starts an import in the worker' })
  startImport(@Arg('input') input: ImportInput, @Ctx() ctx: Context) {
    return ctx.services.imports.start(currentViewer(ctx), input);
  }

  @Authorized(MANAGER)
  @Query(() => ImportRunType)
  importRun(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return ctx.services.imports.get(currentViewer(ctx), id);
  }

  @Authorized(MANAGER)
  @Query(() => [ImportRunType], { description: 'Your recent imports (an admin’s: everyone’s)' })
  importRuns(@Arg('limit', () => Int, { defaultValue: 20 }) limit: number, @Ctx() ctx: Context) {
    return ctx.services.imports.list(currentViewer(ctx), Math.min(Math.max(limit, 1), 100));
  }

  @Authorized(MANAGER)
  @Mutation(() => ImportRunType, { description: 'Within 30 days: what the import created goes to the trash, what it overwrote is restored' })
  undoImport(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return ctx.services.imports.undo(currentViewer(ctx), id);
  }

  @Authorized(MANAGER)
  @Query(() => [ImportMappingType])
  importMappings(@Ctx() ctx: Context) {
    return ctx.services.imports.mappings(currentViewer(ctx));
  }

  @Authorized(MANAGER)
  @Mutation(() => ImportMappingType, { description: 'Saves a mapping (by header name) to be suggested next time' })
  saveImportMapping(
    @Arg('name') name: string,
    @Arg('headers', () => [String]) headers: string[],
    @Arg('mapping', () => [String], { nullable: 'items' }) mapping: Array<string | null>,
    @Ctx() ctx: Context,
  ) {
    return ctx.services.imports.saveMapping(currentViewer(ctx), name, headers, mapping);
  }
}
