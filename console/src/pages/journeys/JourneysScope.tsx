import './journeys.css';
import type { ReactNode } from 'react';

/** The class that gives the journeys pages' secondary and tinted text enough contrast (journeys.css); also for their modals. */
export const SCOPE_CLASS = 'journeys-scope';

/** Wraps a journeys page so its text keeps WCAG AA contrast (see journeys.css). */
export function JourneysScope({ children }: { children: ReactNode }) {
  return <div className={SCOPE_CLASS}>{children}</div>;
}
