// Lazily loaded chunk: /settings/templates (managers and admins).
import '../../styles/lists.css';
import '../mail/mail.css';
import './templates.css';
export { TemplatesSettingsPage } from './components/TemplatesSettingsPage';
