// End to end in a real VS Code: code-server 4.100.3 with the packaged Heal .vsix, driven by Debian's chromium through
// playwright-core, against the real `heal lsp` reading a real feed store. Each test is one step a user takes; they
// share one editor session and run in order. A screenshot of each step lands in tests/e2e/artifacts/.
import { execFileSync, spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { chromium } from 'playwright-core';
import { createRepository, feedStore, healDll, repoRoot, sample } from './healFixture.mjs';

const artifacts = path.join(repoRoot, 'tests/e2e/artifacts');
const codeServer = process.env.HEAL_CODE_SERVER ?? path.join(repoRoot, '.tmp/code-server/node_modules/.bin/code-server');
const vsix = process.env.HEAL_VSIX ?? path.join(repoRoot, 'vscode-extension/heal.vsix');
const stepTimeout = 90_000;

let home;
let repo;
let server;
let context;
let page;
let originalText;
const throwingFile = sample().throwingFile;

function freePort() {
    return new Promise((resolve, reject) => {
        const probe = net.createServer().listen(0, '127.0.0.1', () => {
            const { port } = probe.address();
            probe.close(() => resolve(port));
        }).on('error', reject);
    });
}

/** Polls an external process's HTTP endpoint until it answers, with a deadline (no fixed sleeps). */
async function waitForHttp(url, timeoutMs) {
    const deadline = Date.now() + timeoutMs;
    let last;
    while (Date.now() < deadline) {
        try {
            const response = await fetch(url);
            if (response.status < 500) {
                return;
            }
            last = `HTTP ${response.status}`;
        } catch (error) {
            last = error.message;
        }
        await new Promise(resolve => setTimeout(resolve, 250));
    }
    throw new Error(`${url} did not answer within ${timeoutMs} ms (${last})`);
}

async function shot(name) {
    await page.screenshot({ path: path.join(artifacts, `${name}.png`) });
}

before(async () => {
    fs.mkdirSync(artifacts, { recursive: true });
    for (const old of fs.readdirSync(artifacts)) {
        fs.rmSync(path.join(artifacts, old), { force: true, recursive: true });
    }
    assert.ok(fs.existsSync(codeServer), `code-server not installed at ${codeServer}; run tests/scripts/e2e-vscode.sh`);
    assert.ok(fs.existsSync(vsix), `${vsix} missing; run tests/scripts/e2e-vscode.sh`);

    home = fs.mkdtempSync(path.join(os.tmpdir(), 'heal-e2e-'));
    repo = createRepository();
    originalText = fs.readFileSync(path.join(repo, throwingFile), 'utf8');
    const store = await feedStore(path.join(home, 'feed.db'), [sample().eventJson()]);

    const userData = path.join(home, 'user-data');
    const extensions = path.join(home, 'extensions');
    fs.mkdirSync(path.join(userData, 'User'), { recursive: true });
    fs.writeFileSync(path.join(userData, 'User/settings.json'), JSON.stringify({
        'heal.store': store,
        'heal.serverPath': healDll(),
        'workbench.startupEditor': 'none',
        'workbench.tips.enabled': false,
        'workbench.welcomePage.walkthroughs.openOnInstall': false,
        'extensions.ignoreRecommendations': true,
        'security.workspace.trust.enabled': false,
        'telemetry.telemetryLevel': 'off',
        'update.mode': 'none',
        'files.autoSave': 'off',
        // One explorer row per folder, so steps can click src, then Shop.
        'explorer.compactFolders': false,
    }, null, 2));
    const env = { ...process.env, XDG_CONFIG_HOME: path.join(home, 'config'), XDG_DATA_HOME: path.join(home, 'data') };
    execFileSync(codeServer, ['--user-data-dir', userData, '--extensions-dir', extensions, '--install-extension', vsix], { env, stdio: 'pipe' });

    const port = await freePort();
    // detached: a process group of its own, so the file watchers and extension host go down with it.
    server = spawn(codeServer, ['--bind-addr', `127.0.0.1:${port}`, '--auth', 'none', '--disable-telemetry', '--disable-update-check',
        '--disable-workspace-trust', '--user-data-dir', userData, '--extensions-dir', extensions, repo],
    { env, detached: true, stdio: ['ignore', fs.openSync(path.join(artifacts, 'code-server.log'), 'w'), fs.openSync(path.join(artifacts, 'code-server.err.log'), 'w')] });
    await waitForHttp(`http://127.0.0.1:${port}/healthz`, 60_000);

    context = await chromium.launchPersistentContext(path.join(home, 'chromium'), {
        executablePath: process.env.HEAL_CHROMIUM ?? '/usr/bin/chromium',
        headless: true,
        viewport: { width: 1400, height: 900 },
        args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    page = context.pages()[0] ?? await context.newPage();
    page.setDefaultTimeout(stepTimeout);
    await page.goto(`http://127.0.0.1:${port}/?folder=${encodeURIComponent(repo)}`);
    await page.locator('.monaco-workbench').waitFor();
});

after(async () => {
    await context?.close().catch(() => undefined);
    if (server?.pid) {
        try {
            process.kill(-server.pid, 'SIGTERM');
        } catch {
            // Already gone.
        }
    }
    // Keep the extension's output for whoever reads the artefacts.
    if (home) {
        const logs = path.join(home, 'user-data/logs');
        if (fs.existsSync(logs)) {
            fs.cpSync(logs, path.join(artifacts, 'vscode-logs'), { recursive: true });
        }
    }
});

let failedStep;

/**
 * One user step. Steps share the editor, so once one fails the rest fail at once with the reason (instead of each
 * waiting out its timeout); a failing step leaves a screenshot.
 */
function step(name, fn) {
    test(name, async () => {
        if (failedStep) {
            assert.fail(`not run: ${failedStep} failed first`);
        }
        try {
            await fn();
        } catch (error) {
            failedStep = name;
            await shot(`failed-${name}`).catch(() => undefined);
            throw error;
        }
    });
}

async function openExplorerPath(relativePath) {
    const parts = relativePath.split('/');
    for (const [index, part] of parts.entries()) {
        const row = page.locator('.explorer-folders-view .monaco-list-row', { hasText: new RegExp(`^\\s*${part.replace('.', '\\.')}\\s*$`) }).first();
        await row.waitFor();
        const expanded = await row.getAttribute('aria-expanded');
        if (index === parts.length - 1 || expanded !== 'true') {
            await row.click();
        }
    }
}

step('activate_WorkspaceWithCsproj_ShowsStatusBarCount', async () => {
    const item = page.locator('.statusbar-item', { hasText: /production error/ });
    await item.waitFor();
    await shot('01-activated');
});

step('diagnostics_StoreWithNullReference_SquiggleOnThrowingLine', async () => {
    await openExplorerPath(throwingFile);
    await page.locator('.monaco-editor .squiggly-error').first().waitFor();
    await shot('02-squiggle');
});

step('problemsPanel_StoreWithNullReference_ListsTheError', async () => {
    await page.keyboard.press('Control+Shift+M');
    const row = page.locator('.markers-panel .monaco-list-row', { hasText: /NullReferenceException/ }).first();
    await row.waitFor();
    await shot('03-problems');
    await page.keyboard.press('Control+Shift+M');
});

step('errorsView_StoreWithOneGroup_ListsTheGroupAndFrames', async () => {
    await page.locator('.activitybar .action-item a[aria-label^="Heal"]').first().click();
    const group = page.locator('.monaco-list-row', { hasText: /NullReferenceException/ }).first();
    await group.waitFor();
    await group.click();
    await page.locator('.monaco-list-row', { hasText: /PriceCalculator\.cs:7/ }).first().waitFor();
    await page.locator('.statusbar-item', { hasText: /\b1 production error\b/ }).waitFor();
    await shot('04-errors-view');
    await page.keyboard.press('Control+Shift+E');
});

step('quickFix_HealThisError_OpensThePatchDiff', async () => {
    // Put the cursor on the throwing line (line 7) through "Go to Line", then open the quick-fix menu.
    await page.locator('.monaco-editor .view-lines').first().click();
    await page.keyboard.press('Control+G');
    await page.keyboard.type('7:20');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Control+.');
    const action = page.locator('.action-widget .monaco-list-row', { hasText: 'Heal this error' }).first();
    await action.waitFor();
    await shot('05-quick-fix');
    // The widget focuses its first row; a mouse click on it timed out headless, Enter is what a keyboard user does.
    await page.locator('.action-widget .monaco-list-row.focused', { hasText: 'Heal this error' }).waitFor();
    await page.keyboard.press('Enter');
    // heal/heal validates with a real dotnet build and test run in a worktree: allow it minutes, not seconds.
    await page.locator('.monaco-diff-editor').first().waitFor({ timeout: 600_000 });
    await page.locator('.notification-toast', { hasText: 'Apply it?' }).waitFor({ timeout: 60_000 });
    await shot('06-diff');
});

step('acceptPatch_ValidatedPatch_WritesItToDisk', async () => {
    await page.locator('.notification-toast .monaco-button', { hasText: /^Accept$/ }).click();
    const file = path.join(repo, throwingFile);
    const deadline = Date.now() + 30_000;
    while (fs.readFileSync(file, 'utf8') === originalText && Date.now() < deadline) {
        await new Promise(resolve => setTimeout(resolve, 200));
    }
    const patched = fs.readFileSync(file, 'utf8');
    assert.notEqual(patched, originalText, 'the file on disk is unchanged');
    const discounted = /Discounted\([\s\S]*?\n {4}\}/.exec(patched)?.[0] ?? '';
    assert.match(discounted, /Discount\s*(==|is)\s*null|Discount\?\./, `Discounted has no null guard:\n${discounted}`);
    await page.locator('.monaco-diff-editor').first().waitFor({ state: 'detached', timeout: 30_000 }).catch(() => undefined);
    await shot('07-accepted');
});
