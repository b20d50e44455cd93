// Lazily loaded chunk: only admins open settings.
import '../../styles/lists.css';
export { SettingsLayout } from './components/SettingsLayout';
export { UsersPage } from '../users/components/UsersPage';
export { PipelinesSettingsPage } from '../pipelines/components/PipelinesSettingsPage';
export { LabelsSettingsPage } from '../labels/components/LabelsSettingsPage';
