import '../../styles/lists.css';
import '../mail/mail.css';
import './campaigns.css';

export { ListsPage } from './components/ListsPage';
export { ListPage } from './components/ListPage';
export { CampaignsPage } from './components/CampaignsPage';
export { CampaignPage } from './components/CampaignPage';
export { SuppressionsPage } from './components/SuppressionsPage';
