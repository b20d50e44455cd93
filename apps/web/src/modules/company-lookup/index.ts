export { preferredTaxCountry, RegistryFill } from './components/RegistryFill';
export type { RegistryCompany } from './components/RegistryFill';
