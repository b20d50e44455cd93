import { Link } from 'react-router-dom';
import { AlertIcon } from '../../../ui/icons';

interface DuplicateWarningProps {
  /** The sentence before the links, e.g. "A client with this email already exists:". */
  message: string;
  clients: readonly { id: string; name: string }[];
}

/** A warning (not a refusal) that names other clients with the same data, each a link to its page. */
export function DuplicateWarning({ message, clients }: DuplicateWarningProps) {
  if (clients.length === 0) return null;
  return (
    <div className="alert alert--warning" role="status">
      <AlertIcon aria-hidden="true" />
      <div>
        {message}{' '}
        <ul className="alert__links">
          {clients.map((client) => (
            <li key={client.id}>
              <Link to={`/clients/${client.id}`}>{client.name}</Link>
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}
