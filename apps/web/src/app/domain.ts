// The shared domain values the web app uses.
export { LOCALES, ROLES_BY_RANK, type Locale } from '@crm/shared';
