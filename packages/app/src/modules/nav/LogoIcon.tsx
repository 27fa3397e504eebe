/** The portal's mark: a court building's pediment and pillars over a circuit line. */
export const LogoIcon = () => (
  <svg viewBox="0 0 48 48" width={28} height={28} role="img" aria-label="Court Ops Portal">
    <path d="M24 4 L44 14 H4 Z" fill="#e8b923" />
    <rect x="8" y="17" width="5" height="18" fill="currentColor" />
    <rect x="17" y="17" width="5" height="18" fill="currentColor" />
    <rect x="26" y="17" width="5" height="18" fill="currentColor" />
    <rect x="35" y="17" width="5" height="18" fill="currentColor" />
    <rect x="4" y="37" width="40" height="4" fill="currentColor" />
    <circle cx="24" cy="44" r="2.5" fill="#e8b923" />
  </svg>
);
