// Mail from a card: the send dialog (mounted on the client page) and the viewers History opens.
import './mail.css';
export { SendMailButton } from './components/SendMailButton';
export { SendMailDialog } from './components/SendMailDialog';
export { MailViewer, MailViewerDialog, type MailStatus } from './components/MailViewer';
export { InboundMailDialog, InboundMailViewer } from './components/InboundMailViewer';
export { MailFrame } from './components/MailFrame';
