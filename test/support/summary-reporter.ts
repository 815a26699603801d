import type { FullResult, Reporter, TestCase, TestResult } from '@playwright/test/reporter';

/**
 * Ends every run with why tests were skipped, then one plain line of counts:
 * "tests: N passed, N failed, N skipped".
 */
export default class SummaryReporter implements Reporter {
  private passed = 0;
  private failed = 0;
  private skipped = 0;
  private readonly skipReasons = new Map<string, number>();

  onTestEnd(test: TestCase, result: TestResult): void {
    if (result.retry < test.retries && result.status !== 'passed' && result.status !== 'skipped') return;
    if (result.status === 'skipped') {
      this.skipped++;
      const reason = test.annotations.find((a) => a.type === 'skip')?.description ?? 'no reason given';
      this.skipReasons.set(reason, (this.skipReasons.get(reason) ?? 0) + 1);
    } else if (result.status === 'passed') this.passed++;
    else this.failed++;
  }

  onEnd(_result: FullResult): void {
    for (const [reason, count] of this.skipReasons) console.log(`\nskipped ${count}: ${reason}`);
    console.log(`\ntests: ${this.passed} passed, ${this.failed} failed, ${this.skipped} skipped`);
  }
}
