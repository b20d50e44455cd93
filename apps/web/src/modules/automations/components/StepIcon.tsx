import type { SVGProps } from 'react';
import type { StepKind } from '../../../graphql/generated/graphql';

function Svg({ children, ...props }: SVGProps<SVGSVGElement>) {
  return (
    <svg width="18" height="18" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="1.75" strokeLinecap="round" strokeLinejoin="round" aria-hidden="true" focusable="false" {...props}>
      {children}
    </svg>
  );
}

/** The step kinds' icons, drawn like src/ui/icons.tsx (decorative). */
export function StepIcon({ kind, ...props }: { kind: StepKind } & SVGProps<SVGSVGElement>) {
  switch (kind) {
    case 'EMAIL_TO_CONTACT':
      return (
        <Svg {...props}>
          <rect x="3" y="5" width="18" height="14" rx="2" />
          <path d="m3.5 6.5 8.5 6.5 8.5-6.5" />
        </Svg>
      );
    case 'EMAIL_TO_USER':
      return (
        <Svg {...props}>
          <path d="M21 11V7a2 2 0 0 0-2-2H5a2 2 0 0 0-2 2v10a2 2 0 0 0 2 2h7" />
          <path d="m3.5 6.5 8.5 6.5 8.5-6.5" />
          <circle cx="18" cy="16" r="2" />
          <path d="M15 21c.4-1.4 1.6-2.2 3-2.2s2.6.8 3 2.2" />
        </Svg>
      );
    case 'TODO_FOR_USER':
      return (
        <Svg {...props}>
          <rect x="4" y="4" width="16" height="16" rx="3" />
          <path d="m8.5 12 2.5 2.5 4.5-5" />
        </Svg>
      );
  }
}

export function PlayIcon(props: SVGProps<SVGSVGElement>) {
  return (
    <Svg {...props}>
      <path d="M7 5v14l11-7z" />
    </Svg>
  );
}

export function PauseIcon(props: SVGProps<SVGSVGElement>) {
  return (
    <Svg {...props}>
      <path d="M9 5v14M15 5v14" />
    </Svg>
  );
}

export function FlagIcon(props: SVGProps<SVGSVGElement>) {
  return (
    <Svg {...props}>
      <path d="M5 21V4M5 4h11l-2 4 2 4H5" />
    </Svg>
  );
}
