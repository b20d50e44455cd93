interface MailFrameProps {
  html: string;
  title: string;
}

/**
 * A mail's HTML in a fully sandboxed frame: no scripts, no same origin, no forms, no navigation.
 * The API escapes every value, and the sandbox keeps even a hostile template inert.
 */
export function MailFrame({ html, title }: MailFrameProps) {
  return <iframe className="mail-frame" sandbox="" srcDoc={html} title={title} referrerPolicy="no-referrer" />;
}
