/** One step of a long operation, reported by the engine as it goes. */
export interface Progress {
  label: string;
  done: number;
  total: number;
  /** Rows handled so far, where the work goes row by row (an import). */
  rows?: number;
}
export type ProgressListener = (progress: Progress) => void;
