import '../../styles/card.css';
import '../../styles/lists.css';
export { InboxPage } from './components/InboxPage';
