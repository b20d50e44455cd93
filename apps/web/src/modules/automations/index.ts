// Lazily loaded chunk: /automations/:pipelineId and the editor.
import '../../styles/automations.css';
import '../mail/mail.css';
export { AutomationsPage } from './components/AutomationsPage';
export { AutomationEditorPage } from './components/AutomationEditorPage';
