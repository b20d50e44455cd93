import './reports.css';

export { ReportsPage } from './components/ReportsPage';
