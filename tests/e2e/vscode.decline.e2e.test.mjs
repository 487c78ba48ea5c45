// End to end in a real VS Code: an error the offline engine declines. The shop sample's PriceCalculator.Discounted
// dereferences a null Discount, but nothing in the code says what a missing discount should mean there, so Heal
// declines: the user reads why, and no file changes. Screenshots in tests/e2e/artifacts/decline/.
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, before } from 'node:test';
import assert from 'node:assert/strict';
import { createRepository, feedStore, sample } from './healFixture.mjs';
import { CodeServerSession } from './codeServerSession.mjs';

const session = new CodeServerSession('decline');
const step = session.step.bind(session);
const throwingFile = sample().throwingFile;
let repo;

before(async () => {
    repo = createRepository();
    const store = await feedStore(path.join(session.home, 'feed.db'), [sample().eventJson()]);
    await session.start(repo, store);
});

after(async () => {
    await session.stop();
    if (repo) {
        fs.rmSync(repo, { recursive: true, force: true });
    }
});

step('diagnostics_StoreWithNullReference_SquiggleOnThrowingLine', async () => {
    await session.page.locator('.statusbar-item', { hasText: /\b1 production error\b/ }).waitFor();
    await session.openExplorerPath(throwingFile);
    await session.squiggleOnLine(7);
    await session.shot('01-squiggle');
});

step('healThisError_NoInferableFallback_ShowsWhyItDeclinedAndEditsNothing', async () => {
    const page = session.page;
    await session.healFromQuickFix(7, 20, '02-quick-fix');
    const toast = page.locator('.notification-toast.notification-fade-in-done', { hasText: 'Heal declined to patch this error' });
    await toast.waitFor({ timeout: 300_000 });
    assert.match(await toast.innerText(), /cannot be inferred[\s\S]*Nothing was changed\./);
    const report = session.validationReport();
    await report.locator('h2', { hasText: 'Heal: declined' }).waitFor();
    await report.locator('p', { hasText: 'No patch: nothing in the workspace was changed.' }).waitFor();
    assert.equal(await page.locator('.monaco-diff-editor').count(), 0, 'a diff editor opened for a declined error');
    assert.equal(execFileSync('git', ['status', '--porcelain'], { cwd: repo, encoding: 'utf8' }), '', 'the workspace changed');
    await session.shot('03-declined');
});
