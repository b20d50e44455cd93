// Mail from a card: the send dialog (mounted on the client page) and the viewer History opens.
import './mail.css';
export { SendMailButton } from './components/SendMailButton';
export { SendMailDialog } from './components/SendMailDialog';
export { MailViewer, MailViewerDialog, type MailStatus } from './components/MailViewer';
export { MailFrame } from './components/MailFrame';
