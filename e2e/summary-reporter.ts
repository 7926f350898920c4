// Prints one plain closing line ("e2e: N passed, N flaky, N failed, N skipped") after the end-to-end run.
// A test that failed and then passed on its retry counts as flaky, never as passed: the line shows it.
import type { FullResult, Reporter, Suite } from '@playwright/test/reporter';

export default class SummaryReporter implements Reporter {
  private root: Suite | undefined;

  onBegin(_config: unknown, suite: Suite): void {
    this.root = suite;
  }

  onEnd(result: FullResult): void {
    const counts = { expected: 0, flaky: 0, unexpected: 0, skipped: 0 };
    for (const test of this.root?.allTests() ?? []) counts[test.outcome()]++;
    const { expected: passed, flaky, unexpected: failed, skipped } = counts;
    console.log(`\ne2e: ${passed} passed, ${flaky} flaky, ${failed} failed, ${skipped} skipped`);
    if (passed + flaky + failed === 0 || result.status !== 'passed') process.exitCode = 1;
  }
}
