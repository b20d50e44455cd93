export { OrganisationSettingsPage } from './components/OrganisationSettingsPage';
