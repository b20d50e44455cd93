import type { TaxCountry } from '@crm/shared';
import { Args, Authorized, Ctx, Query, Resolver } from 'type-graphql';
import type { Context } from '../../graphql/context';
import { CompanyLookupType, LookupCompanyArgs } from './company-lookup.types';

@Resolver(() => CompanyLookupType)
export class CompanyLookupResolver {
  /** Anyone who may create a client may fill it from the registries. */
  @Authorized()
  @Query(() => CompanyLookupType, { description: 'Name, address and VAT status of a company from the configured registries (VIES, GUS)' })
  lookupCompany(@Args() { taxId, country }: LookupCompanyArgs, @Ctx() ctx: Context) {
    return ctx.services.companyLookup.lookup(taxId, (country as TaxCountry | null) ?? null) as Promise<CompanyLookupType>;
  }
}
