import type { ReactNode } from 'react';
import type { CustomFieldKind } from '../../../graphql/generated/graphql';

const PATHS: Record<CustomFieldKind, ReactNode> = {
  TEXT: <path d="M5 6h14M12 6v13" />,
  LONG_TEXT: <path d="M4 6h16M4 10h16M4 14h16M4 18h10" />,
  NUMBER: <path d="M10 4 8 20M16 4l-2 16M5 9h15M4 15h15" />,
  MONEY: (
    <>
      <circle cx="12" cy="12" r="8.5" />
      <path d="M14.5 9.5c-.4-.9-1.4-1.5-2.5-1.5-1.4 0-2.5.8-2.5 2s1.1 1.6 2.5 2 2.5.8 2.5 2-1.1 2-2.5 2c-1.1 0-2.1-.6-2.5-1.5M12 6.5V8M12 16v1.5" />
    </>
  ),
  DATE: (
    <>
      <rect x="3.5" y="5" width="17" height="15.5" rx="2" />
      <path d="M3.5 10h17M8 3v4M16 3v4" />
    </>
  ),
  SELECT: (
    <>
      <rect x="3" y="6" width="18" height="12" rx="2.5" />
      <path d="m13.5 11 2 2 2-2" />
    </>
  ),
  MULTI_SELECT: <path d="m4 6 1.5 1.5L8 5M4 12l1.5 1.5L8 11M4 18l1.5 1.5L8 17M11 6h9M11 12h9M11 18h9" />,
  BOOLEAN: (
    <>
      <rect x="2.5" y="7" width="19" height="10" rx="5" />
      <circle cx="16.5" cy="12" r="2.75" />
    </>
  ),
  USER: (
    <>
      <circle cx="12" cy="8" r="3.75" />
      <path d="M4.5 20.5a7.5 7.5 0 0 1 15 0" />
    </>
  ),
};

/** A field kind's pictogram (decorative: the kind's name is always written next to it). */
export function FieldKindIcon({ kind }: { kind: CustomFieldKind }) {
  return (
    <span className="field-kind-icon" aria-hidden="true">
      <svg width="16" height="16" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="1.75" strokeLinecap="round" strokeLinejoin="round" focusable="false">
        {PATHS[kind]}
      </svg>
    </span>
  );
}
