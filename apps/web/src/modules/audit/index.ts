import '../../styles/card.css';
export { AuditLogPage } from './components/AuditLogPage';
