// The filter bar shares the lists' filter styles.
import '../../styles/lists.css';
import './reports.css';

export { ReportsPage } from './components/ReportsPage';
export { preloadReport } from './preload';
