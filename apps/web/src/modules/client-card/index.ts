// The record page's tabs (mounted by the clients module's ClientPage).
import '../../styles/card.css';
export { ClientCardTabs } from './components/ClientCardTabs';
export { PersonalDataMenu } from './components/PersonalDataMenu';
export { useClientLive } from './hooks/useClientLive';
