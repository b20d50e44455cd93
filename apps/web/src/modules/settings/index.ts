// Lazily loaded chunk: only admins open settings.
export { SettingsLayout } from './components/SettingsLayout';
export { UsersPage } from '../users/components/UsersPage';
