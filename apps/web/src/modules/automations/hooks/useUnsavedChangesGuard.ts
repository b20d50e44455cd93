import { useEffect, useState } from 'react';
import { useNavigate } from 'react-router-dom';

/**
 * Unsaved changes are not lost without a warning. The app uses a BrowserRouter (no data router, so no
 * `useBlocker`): reloading or closing the tab asks through `beforeunload`, and in-app links are caught
 * before React Router sees them and wait for the user's answer (`pending`, then `proceed` or `stay`).
 */
export function useUnsavedChangesGuard(dirty: boolean) {
  const navigate = useNavigate();
  const [pending, setPending] = useState<string | null>(null);

  useEffect(() => {
    if (!dirty) return;
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      event.returnValue = '';
    };
    const onClick = (event: MouseEvent) => {
      if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
      const link = event.target instanceof Element ? event.target.closest('a[href]') : null;
      if (!(link instanceof HTMLAnchorElement) || link.target === '_blank' || link.origin !== window.location.origin) return;
      const to = `${link.pathname}${link.search}${link.hash}`;
      if (to === `${window.location.pathname}${window.location.search}${window.location.hash}`) return;
      event.preventDefault();
      event.stopPropagation();
      setPending(to);
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    document.addEventListener('click', onClick, true);
    return () => {
      window.removeEventListener('beforeunload', onBeforeUnload);
      document.removeEventListener('click', onClick, true);
    };
  }, [dirty]);

  return {
    pending,
    stay: () => setPending(null),
    proceed: () => {
      const to = pending;
      setPending(null);
      if (to) navigate(to);
    },
  };
}
