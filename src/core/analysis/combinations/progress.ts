import { CombinationsCancelled, type MiningHooks } from './types';

const EVERY = 4096;

/** Progress over the counting passes; between reports it asks whether the run was cancelled. */
export class PassProgress {
  private pass = 0;

  constructor(
    private readonly hooks: MiningHooks,
    /** Baskets per pass: every pass reports on the same scale, whatever it skips. */
    private readonly baskets: number,
    private readonly passes: number,
  ) {}

  /** Call at each step of the pass (a basket, or an item); cheap except every few thousand steps. */
  at(step: number, stepsInPass: number): void {
    if (step % EVERY !== 0) return;
    if (this.hooks.isCancelled?.()) throw new CombinationsCancelled();
    const within = stepsInPass === 0 ? 0 : Math.floor((step / stepsInPass) * this.baskets);
    this.hooks.onProgress?.(this.pass * this.baskets + within, this.passes * this.baskets);
  }

  endPass(): void {
    this.pass++;
    if (this.hooks.isCancelled?.()) throw new CombinationsCancelled();
    this.hooks.onProgress?.(this.pass * this.baskets, this.passes * this.baskets);
  }

  /** No more passes are needed: the work is done. */
  finish(): void {
    this.pass = this.passes;
    this.hooks.onProgress?.(this.passes * this.baskets, this.passes * this.baskets);
  }
}
