// Lazily loaded chunk: only admins (and managers, for templates) open settings.
import '../../styles/lists.css';
import '../../styles/integrations.css';
export { SettingsIndex, SettingsLayout } from './components/SettingsLayout';
export { UsersPage } from '../users/components/UsersPage';
export { PipelinesSettingsPage } from '../pipelines/components/PipelinesSettingsPage';
export { LabelsSettingsPage } from '../labels/components/LabelsSettingsPage';
export { FieldsSettingsPage } from '../fields';
export { OrganisationSettingsPage } from '../organisation';
export { MailboxSettingsPage } from '../mailbox/components/MailboxSettingsPage';
export { ApiKeysPage } from '../integrations/components/ApiKeysPage';
export { WebhooksPage } from '../integrations/components/WebhooksPage';
export { WebhookDeliveriesPage } from '../integrations/components/WebhookDeliveriesPage';
export { CampaignSettingsPage } from '../campaigns/components/CampaignSettingsPage';
