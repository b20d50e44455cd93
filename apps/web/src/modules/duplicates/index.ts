import '../../styles/card.css';
export { DuplicatesPage } from './components/DuplicatesPage';
export { DuplicateWarning } from './components/DuplicateWarning';
export { usePossibleDuplicates } from './hooks/usePossibleDuplicates';
