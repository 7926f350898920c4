// Prints one plain closing line ("e2e: N passed, N failed, N skipped") after the end-to-end run.
import type { FullResult, Reporter, TestCase, TestResult } from '@playwright/test/reporter';

export default class SummaryReporter implements Reporter {
  private passed = 0;
  private failed = 0;
  private skipped = 0;

  onTestEnd(_test: TestCase, result: TestResult): void {
    if (result.status === 'passed') this.passed++;
    else if (result.status === 'skipped') this.skipped++;
    else if (result.retry === 0 || result.status !== 'interrupted') this.failed++;
  }

  onEnd(result: FullResult): void {
    console.log(`\ne2e: ${this.passed} passed, ${this.failed} failed, ${this.skipped} skipped`);
    if (this.passed + this.failed === 0 || result.status !== 'passed') process.exitCode = 1;
  }
}
