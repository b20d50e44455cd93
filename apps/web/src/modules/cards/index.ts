// Lazily loaded chunk: the list view of cards.
import '../../styles/lists.css';
export { CardListPage } from './components/CardListPage';
