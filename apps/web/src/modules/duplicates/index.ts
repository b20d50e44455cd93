import '../../styles/card.css';
export { DuplicatesPage } from './components/DuplicatesPage';
