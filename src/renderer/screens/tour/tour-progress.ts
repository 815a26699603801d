import { useSyncExternalStore } from 'react';

/**
 * How far the guided tour got, kept in local storage so it can be resumed after a reload or on
 * another day. `paused` is a tour the user skipped or put off; `finished` one they walked to the end.
 */

export interface TourProgress {
  stop: number;
  state: 'active' | 'paused' | 'finished';
}

const KEY = 'cross-sell-planner.tour';
const listeners = new Set<() => void>();
let cached: { raw: string | null; value: TourProgress | null } = { raw: null, value: null };

function read(): TourProgress | null {
  const raw = localStorage.getItem(KEY);
  if (raw !== cached.raw) cached = { raw, value: parse(raw) };
  return cached.value;
}

function parse(raw: string | null): TourProgress | null {
  if (raw === null) return null;
  try {
    const value = JSON.parse(raw) as Partial<TourProgress>;
    if (typeof value.stop !== 'number' || !['active', 'paused', 'finished'].includes(value.state ?? '')) return null;
    return { stop: Math.max(0, Math.floor(value.stop)), state: value.state! };
  } catch {
    return null;
  }
}

export function saveTourProgress(progress: TourProgress): void {
  localStorage.setItem(KEY, JSON.stringify(progress));
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The saved progress, or null when the tour was never started or put off. */
export function useTourProgress(): TourProgress | null {
  return useSyncExternalStore(subscribe, read);
}

/** Starts the tour, or takes it up where it stopped; a finished tour starts again from the beginning. */
export function startTour(): void {
  const progress = read();
  saveTourProgress({ stop: progress && progress.state !== 'finished' ? progress.stop : 0, state: 'active' });
}
