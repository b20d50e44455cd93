import '../../styles/card.css';
export { TrashPage } from './components/TrashPage';
