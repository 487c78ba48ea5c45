// One real VS Code for an end-to-end test file: code-server 4.100.3 with the packaged Heal .vsix, opened on a workspace
// in Debian's chromium through playwright-core, plus the helpers the steps share (screenshots, explorer, quick fix).
// See /work/shared/recipes/vscode-e2e.md for why code-server and not @vscode/test-electron.
import { execFileSync, spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chromium } from 'playwright-core';
import { healDll, repoRoot } from './healFixture.mjs';

const codeServer = process.env.HEAL_CODE_SERVER ?? path.join(repoRoot, '.tmp/code-server/node_modules/.bin/code-server');
const vsix = process.env.HEAL_VSIX ?? path.join(repoRoot, 'vscode-extension/heal.vsix');
export const stepTimeout = 90_000;

/**
 * What the language server's validation may leave running is switched off: with MSBuild node reuse, the MSBuild server
 * or the shared compiler on, `heal/heal`'s builds would leave servers behind after the test (outside code-server's
 * process group). TMPDIR keeps validation's worktrees and build cache (`$TMPDIR/heal`) inside the test's folder.
 */
function serverEnvironment(home) {
    const tmp = path.join(home, 'tmp');
    fs.mkdirSync(tmp, { recursive: true });
    return {
        ...process.env,
        XDG_CONFIG_HOME: path.join(home, 'config'),
        XDG_DATA_HOME: path.join(home, 'data'),
        TMPDIR: tmp,
        MSBUILDDISABLENODEREUSE: '1',
        DOTNET_CLI_USE_MSBUILD_SERVER: '0',
        UseSharedCompilation: 'false',
        DOTNET_CLI_TELEMETRY_OPTOUT: '1',
        DOTNET_NOLOGO: '1',
    };
}

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

/** Polls a condition every 200 ms until it holds or the deadline passes; returns whether it held. */
export async function until(condition, timeoutMs) {
    const deadline = Date.now() + timeoutMs;
    while (!(await condition())) {
        if (Date.now() > deadline) {
            return false;
        }
        await new Promise(resolve => setTimeout(resolve, 200));
    }
    return true;
}

export class CodeServerSession {
    /** @param {string} name the test's folder under tests/e2e/artifacts/ */
    constructor(name) {
        this.name = name;
        this.artifacts = path.join(repoRoot, 'tests/e2e/artifacts', name);
        this.home = fs.mkdtempSync(path.join(os.tmpdir(), `heal-e2e-${name}-`));
        this.failedStep = undefined;
    }

    /** Installs the .vsix, starts code-server on workspace with heal.store = store, and opens it in chromium. */
    async start(workspace, store) {
        fs.rmSync(this.artifacts, { recursive: true, force: true });
        fs.mkdirSync(this.artifacts, { recursive: true });
        assert.ok(fs.existsSync(codeServer), `code-server not installed at ${codeServer}; run tests/scripts/e2e-install.sh`);
        assert.ok(fs.existsSync(vsix), `${vsix} missing; run tests/scripts/e2e-vscode.sh`);
        const userData = path.join(this.home, 'user-data');
        const extensions = path.join(this.home, 'extensions');
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
            'git.enabled': false,
            // One explorer row per folder, so steps can click src, then the project folder.
            'explorer.compactFolders': false,
        }, null, 2));
        const env = serverEnvironment(this.home);
        execFileSync(codeServer, ['--user-data-dir', userData, '--extensions-dir', extensions, '--install-extension', vsix], { env, stdio: 'pipe' });

        const port = await freePort();
        // detached: a process group of its own, so the file watchers, the extension host and heal lsp go down with it.
        this.server = spawn(codeServer, ['--bind-addr', `127.0.0.1:${port}`, '--auth', 'none', '--disable-telemetry', '--disable-update-check',
            '--disable-workspace-trust', '--user-data-dir', userData, '--extensions-dir', extensions, workspace],
        { env, detached: true, stdio: ['ignore', fs.openSync(path.join(this.artifacts, 'code-server.log'), 'w'), fs.openSync(path.join(this.artifacts, 'code-server.err.log'), 'w')] });
        await waitForHttp(`http://127.0.0.1:${port}/healthz`, 60_000);

        this.context = await chromium.launchPersistentContext(path.join(this.home, 'chromium'), {
            executablePath: process.env.HEAL_CHROMIUM ?? '/usr/bin/chromium',
            headless: true,
            viewport: { width: 1400, height: 900 },
            args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
        });
        this.page = this.context.pages()[0] ?? await this.context.newPage();
        this.page.setDefaultTimeout(stepTimeout);
        await this.page.goto(`http://127.0.0.1:${port}/?folder=${encodeURIComponent(workspace)}`);
        await this.page.locator('.monaco-workbench').waitFor();
    }

    async stop() {
        await this.context?.close().catch(() => undefined);
        if (this.server?.pid) {
            const exited = this.server.exitCode === null ? new Promise(resolve => this.server.once('exit', resolve)) : Promise.resolve();
            try {
                process.kill(-this.server.pid, 'SIGTERM');
            } catch {
                // Already gone.
            }
            await Promise.race([exited, new Promise(resolve => setTimeout(resolve, 10_000).unref())]);
        }
        // Keep VS Code's logs (with the Heal output channel) for whoever reads the artefacts, then drop the rest.
        const logs = path.join(this.home, 'user-data/logs');
        if (fs.existsSync(logs)) {
            fs.cpSync(logs, path.join(this.artifacts, 'vscode-logs'), { recursive: true });
        }
        fs.rmSync(this.home, { recursive: true, force: true, maxRetries: 3 });
    }

    async shot(name) {
        await this.page.screenshot({ path: path.join(this.artifacts, `${name}.png`) });
    }

    /**
     * One user step, as a test. Steps share the editor, so once one fails the rest fail at once with the reason (instead
     * of each waiting out its timeout); a failing step leaves a screenshot.
     */
    step(name, fn) {
        test(name, async () => {
            if (this.failedStep) {
                assert.fail(`not run: ${this.failedStep} failed first`);
            }
            try {
                await fn();
            } catch (error) {
                this.failedStep = name;
                await this.shot(`failed-${name}`).catch(() => undefined);
                throw error;
            }
        });
    }

    /** Opens a file by clicking its explorer rows (quick open was unreliable headless). */
    async openExplorerPath(relativePath) {
        const parts = relativePath.split('/');
        for (const [index, part] of parts.entries()) {
            const row = this.page.locator('.explorer-folders-view .monaco-list-row', { hasText: new RegExp(`^\\s*${part.replace(/\./g, '\\.')}\\s*$`) }).first();
            await row.waitFor();
            const expanded = await row.getAttribute('aria-expanded');
            if (index === parts.length - 1 || expanded !== 'true') {
                await row.click();
            }
        }
    }

    /** Moves the cursor (and the view) to line:column of the active editor through Go to Line (Ctrl+G). */
    async goToLine(line, column) {
        const page = this.page;
        await page.locator('.monaco-editor .view-lines').first().click();
        await page.keyboard.press('Control+G');
        await page.keyboard.type(`${line}:${column}`);
        await page.keyboard.press('Enter');
    }

    /** Waits for an error squiggle and checks that it sits on the given 1-based line of the active editor. */
    async squiggleOnLine(line) {
        const page = this.page;
        await this.goToLine(line, 1);
        await page.locator('.monaco-editor .squiggly-error').first().waitFor();
        const number = page.locator('.monaco-editor .margin .line-numbers', { hasText: new RegExp(`^\\s*${line}\\s*$`) }).first();
        await number.waitFor();
        const lineBox = await number.boundingBox();
        const boxes = await page.locator('.monaco-editor .squiggly-error').evaluateAll(nodes => nodes.map(n => {
            const r = n.getBoundingClientRect();
            return { y: r.y, height: r.height };
        }));
        const onLine = boxes.filter(b => b.y + b.height / 2 >= lineBox.y && b.y + b.height / 2 <= lineBox.y + lineBox.height);
        assert.ok(onLine.length > 0, `no error squiggle on line ${line} (line at y=${lineBox.y}; squiggles at ${JSON.stringify(boxes)})`);
    }

    /** Puts the cursor on line:column through Go to Line, opens the quick-fix menu (Ctrl+.) and runs "Heal this error". */
    async healFromQuickFix(line, column, screenshot) {
        const page = this.page;
        await this.goToLine(line, column);
        await page.keyboard.press('Control+.');
        const action = page.locator('.action-widget .monaco-list-row', { hasText: 'Heal this error' }).first();
        await action.waitFor();
        await this.shot(screenshot);
        // The widget focuses its first row; a mouse click on it timed out headless, Enter is what a keyboard user does.
        await page.locator('.action-widget .monaco-list-row.focused', { hasText: 'Heal this error' }).waitFor();
        await page.keyboard.press('Enter');
    }

    /** The body of the "Heal: validation" webview (VS Code nests a webview in two iframes). */
    validationReport() {
        return this.page.frameLocator('iframe.webview.ready').frameLocator('iframe#active-frame').locator('body');
    }
}
