// End to end in a real VS Code (code-server + the packaged .vsix + chromium), against the real `heal lsp`, on a crash
// captured for real: the demo sample runs with SENTRY_DSN pointing at `heal feed` and the Sentry .NET SDK reports its
// NullReferenceException. Each test is one step a user takes, in order, in one editor session; each leaves a screenshot
// in tests/e2e/artifacts/healAndAccept/.
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, before } from 'node:test';
import assert from 'node:assert/strict';
import { healDll } from './healFixture.mjs';
import { captureDemoCrash, createDemoRepository, demoThrowingFile } from './demoFixture.mjs';
import { CodeServerSession, until } from './codeServerSession.mjs';

const session = new CodeServerSession('healAndAccept');
const step = session.step.bind(session);
let repo;
let group;
let throwingLine;
let reportedPatch;
let reportedTest;
// Where Heal writes the demo's regression test: next to the test file that covers PricingService.
const regressionTestFile = 'tests/OrderService.Tests/PricingServiceTotalRegressionTests.cs';

before(async () => {
    const dll = healDll();
    repo = createDemoRepository(dll);
    const store = await captureDemoCrash(repo, path.join(session.home, 'feed.db'), { dll });
    group = JSON.parse(execFileSync('dotnet', [dll, 'errors', '--store', store, '--json'], { encoding: 'utf8' }))[0];
    assert.equal(group?.type, 'System.NullReferenceException', 'the sample did not report its crash');
    throwingLine = group.frame.line;
    await session.start(repo, store);
});

after(async () => {
    await session.stop();
    if (repo) {
        fs.rmSync(repo, { recursive: true, force: true });
    }
});

const git = (...args) => execFileSync('git', args, { cwd: repo, encoding: 'utf8' });

step('activate_WorkspaceWithCapturedCrash_ShowsStatusBarCount', async () => {
    await session.page.locator('.statusbar-item', { hasText: /\b1 production error\b/ }).waitFor();
    await session.shot('01-activated');
});

step('diagnostics_CapturedNullReference_SquiggleOnThrowingLineAndLensOnItsMethod', async () => {
    await session.openExplorerPath(demoThrowingFile);
    await session.squiggleOnLine(throwingLine);
    // The lens comes from textDocument/codeLens, asked again after the first load (workspace/codeLens/refresh).
    await session.page.locator('.monaco-editor .codelens-decoration', { hasText: '⚠ 1 production error · Heal' }).waitFor();
    await session.shot('02-squiggle');
});

step('problemsPanel_CapturedNullReference_ListsTheErrorAtItsLine', async () => {
    const page = session.page;
    await page.keyboard.press('Control+Shift+M');
    const row = page.locator('.markers-panel .monaco-list-row', { hasText: /NullReferenceException/ }).first();
    await row.waitFor();
    assert.match(await row.innerText(), new RegExp(`Ln ${throwingLine}\\b`));
    await session.shot('03-problems');
    await page.keyboard.press('Control+Shift+M');
});

step('errorsView_CapturedCrash_ListsTheGroupAndFrames', async () => {
    const page = session.page;
    await page.locator('.activitybar .action-item a[aria-label^="Heal"]').first().click();
    const row = page.locator('.monaco-list-row', { hasText: /NullReferenceException/ }).first();
    await row.waitFor();
    await row.click();
    await page.locator('.monaco-list-row', { hasText: new RegExp(`PricingService\\.cs:${throwingLine}\\b`) }).first().waitFor();
    await session.shot('04-errors-view');
    await page.keyboard.press('Control+Shift+E');
});

step('quickFix_HealThisError_ShowsTheValidationTable', async () => {
    await session.openExplorerPath(demoThrowingFile);
    await session.healFromQuickFix(throwingLine, 30, '05-quick-fix');
    // heal/heal validates with a real dotnet build and test run in a worktree: allow it minutes, not seconds.
    const report = session.validationReport();
    await report.locator('h2', { hasText: 'Heal: validated' }).waitFor({ timeout: 600_000 });
    const gates = await report.locator('tbody tr').allInnerTexts();
    for (const gate of ['scope', 'syntax', 'build', 'tests']) {
        assert.ok(gates.some(row => row.includes(gate) && row.includes('passed')), `gate ${gate} did not pass: ${JSON.stringify(gates)}`);
    }
    reportedPatch = await report.locator('pre.patch').innerText();
    assert.match(reportedPatch, /^--- a\/src\/OrderService\/PricingService\.cs$/m);
    // The reproduction passed, so the test that proved it is offered with the patch.
    assert.ok(gates.some(row => row.includes('reproduction') && row.includes('passed')), `reproduction did not pass: ${JSON.stringify(gates)}`);
    reportedTest = await report.locator('pre.regression-test').innerText();
    assert.match(reportedTest, /public class PricingServiceTotalRegressionTests/);
    await session.shot('06-validation');
});

step('patchReview_ValidatedPatch_ShowsTheDiffAndAsks', async () => {
    const page = session.page;
    await page.locator('.monaco-diff-editor').first().waitFor();
    await page.locator('.tab', { hasText: 'PricingService.cs ↔ Heal patch' }).waitFor();
    await page.locator('.tab', { hasText: `${regressionTestFile} (new) ↔ Heal regression test` }).waitFor();
    await page.locator('.notification-toast.notification-fade-in-done', { hasText: 'Apply it with its regression test?' }).waitFor();
    await session.shot('07-diff');
});

step('openPullRequest_NoCodeHostConfigured_SaysWhyAndOffersAcceptAgain', async () => {
    const page = session.page;
    await page.locator('.notification-toast', { hasText: 'Apply it with its regression test?' }).locator('.monaco-button', { hasText: /^Open PR$/ }).click();
    // This workspace has no code host configured, so the extension names the setting to change without asking the server
    // (which would answer -32602); nothing is pushed and the patch stays under review, with Accept and Reject on the
    // same message.
    // fade-in-done: the toast has finished its entrance animation, so the screenshot shows it whole.
    const toast = page.locator('.notification-toast.notification-fade-in-done', { hasText: 'Heal could not open a pull request: no repository is set for pull requests; set heal.codeHost.repository' });
    await toast.locator('.monaco-button', { hasText: /^Accept$/ }).waitFor();
    await page.locator('.notification-toast', { hasText: 'Heal: opening a pull request' }).waitFor({ state: 'detached' });
    assert.equal(git('status', '--porcelain', '--untracked-files=no'), '', 'the workspace changed before Accept');
    await session.shot('08-open-pr');
});

step('acceptPatch_ValidatedPatch_FileOnDiskHoldsThePatch', async () => {
    const page = session.page;
    await page.locator('.notification-toast', { hasText: 'Heal could not open a pull request' }).locator('.monaco-button', { hasText: /^Accept$/ }).click();
    assert.ok(await until(() => git('status', '--porcelain', '--', demoThrowingFile) !== '', 30_000), 'the file on disk is unchanged');
    const diff = git('diff', '--', demoThrowingFile);
    assert.deepEqual(hunks(diff), hunks(reportedPatch), `git diff:\n${diff}\nreported patch:\n${reportedPatch}`);
    assert.equal(git('status', '--porcelain', '--untracked-files=no'), ` M ${demoThrowingFile}\n`);
    assert.equal(fs.readFileSync(path.join(repo, regressionTestFile), 'utf8').trimEnd(), reportedTest.trimEnd(), 'the regression test on disk differs from the one reported');
    assert.equal(git('status', '--porcelain', '--', regressionTestFile), `?? ${regressionTestFile}\n`);
    await page.locator('.notification-toast', { hasText: 'patch applied' }).waitFor();
    await page.locator('.tab', { hasText: 'Heal patch' }).waitFor({ state: 'detached' });
    await session.shot('09-accepted');
});

/** The changed lines of a unified diff, hunk by hunk, without the headers git and Heal write differently. */
function hunks(diff) {
    const lines = diff.replace(/\r\n/g, '\n').split('\n');
    const start = lines.findIndex(line => line.startsWith('@@'));
    return lines.slice(start)
        .filter(line => line !== '' && !line.startsWith('\\ No newline'))
        .map(line => line.startsWith('@@') ? line.replace(/ @@.*$/, ' @@') : line);
}
