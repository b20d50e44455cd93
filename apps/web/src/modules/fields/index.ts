import './fields.css';
export { FieldsSettingsPage } from './components/FieldsSettingsPage';
