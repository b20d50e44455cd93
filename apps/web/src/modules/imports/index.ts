import '../../styles/imports.css';
export { ImportPage } from './components/ImportPage';
export { JobProgress, isFinishedJob } from './components/JobProgress';
