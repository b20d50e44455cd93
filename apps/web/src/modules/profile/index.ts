import './profile.css';
export { ProfilePage } from './components/ProfilePage';
