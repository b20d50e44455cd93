// Lazily loaded chunk: the clients list and the client card (record page).
import '../../styles/lists.css';
export { ClientPage } from './components/ClientPage';
export { ClientsPage } from './components/ClientsPage';
