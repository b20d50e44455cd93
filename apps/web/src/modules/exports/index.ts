export { ExportButton } from './components/ExportButton';
export { ExportDialog } from './components/ExportDialog';
