// A workspace whose store holds a crash captured for real, as `heal demo` captures it: the bundled demo sample
// (OrderService, with the Sentry .NET SDK) copied into a temp git repository, built, and run with SENTRY_DSN pointing at
// a real `heal feed`. The SDK reports the NullReferenceException of PricingService.Total; the feed commits it to the
// store before it acknowledges, so once the sample has exited the store holds the group.
import { spawn, execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { healDll, postEvent, repoRoot, stopFeed } from './healFixture.mjs';

/** The throwing line of the captured crash: `var discount = subtotal * customer.Discount.Rate;` (1-based). */
export const demoThrowingFile = 'src/OrderService/PricingService.cs';

/** The settings `heal demo` builds the sample with, so no MSBuild node or compiler server outlives the build. */
export const noBuildServers = {
    MSBUILDDISABLENODEREUSE: '1',
    DOTNET_CLI_USE_MSBUILD_SERVER: '0',
    DOTNET_CLI_TELEMETRY_OPTOUT: '1',
    DOTNET_NOLOGO: '1',
    DOTNET_SKIP_FIRST_TIME_EXPERIENCE: '1',
};

/** The sample `heal demo` copies: the one bundled beside heal.dll, else the source folder. */
export function demoSample(dll = healDll()) {
    const candidates = [path.join(path.dirname(dll), 'Demo/Sample'), path.join(repoRoot, 'server/Heal.Cli/Demo/Sample')];
    const found = candidates.find(c => fs.existsSync(path.join(c, 'Sample.sln')));
    if (!found) {
        throw new Error(`the demo sample is missing (tried ${candidates.join(', ')})`);
    }
    return found;
}

function git(cwd, ...args) {
    return execFileSync('git', ['-c', 'user.email=dev@example.com', '-c', 'user.name=Dev', '-c', 'commit.gpgsign=false', ...args], { cwd, encoding: 'utf8' });
}

/** Copies the sample (without build output) into a new git repository with one commit on main. */
export function createDemoRepository(dll = healDll(), prefix = 'heal-orders-') {
    const sample = demoSample(dll);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
    fs.cpSync(sample, dir, {
        recursive: true,
        filter: source => !path.relative(sample, source).split(path.sep).some(part => part === 'bin' || part === 'obj'),
    });
    git(dir, 'init', '-q', '-b', 'main');
    git(dir, 'add', '-A');
    git(dir, 'commit', '-q', '-m', 'OrderService 1.4.2');
    return dir;
}

/** Resolves with the first match of pattern on the child's stdout; rejects on exit or after timeoutMs. */
function firstMatch(child, pattern, timeoutMs, what) {
    return new Promise((resolve, reject) => {
        let stdout = '';
        let stderr = '';
        const timer = setTimeout(() => finish(new Error(`${what}: nothing matching ${pattern} within ${timeoutMs} ms; stderr: ${stderr}`)), timeoutMs);
        const onOut = chunk => {
            stdout += chunk;
            const match = pattern.exec(stdout);
            if (match) {
                finish(undefined, match);
            }
        };
        const onErr = chunk => { stderr += chunk; };
        const onExit = code => finish(new Error(`${what} exited with ${code}; stdout: ${stdout}; stderr: ${stderr}`));
        function finish(error, match) {
            clearTimeout(timer);
            child.stdout.off('data', onOut);
            child.stderr.off('data', onErr);
            child.off('exit', onExit);
            error ? reject(error) : resolve(match);
        }
        child.stdout.setEncoding('utf8').on('data', onOut);
        child.stderr.setEncoding('utf8').on('data', onErr);
        child.on('exit', onExit);
    });
}

/**
 * Builds the sample (Debug: its portable PDB gives the SDK file names and lines), starts `heal feed` on port 0 with
 * storePath, runs the sample with SENTRY_DSN so the real Sentry .NET SDK reports its crash, then stops the feed.
 * extraEvents (Sentry event JSON) are posted to the same feed's store endpoint afterwards. Returns the store's path.
 */
export async function captureDemoCrash(repo, storePath, { dll = healDll(), extraEvents = [] } = {}) {
    execFileSync('dotnet', ['build', 'src/OrderService/OrderService.csproj', '-c', 'Debug', '-nologo', '-v', 'q', '-clp:NoSummary',
        '-m:1', '-nodeReuse:false', '-p:UseSharedCompilation=false'], { cwd: repo, env: { ...process.env, ...noBuildServers }, stdio: 'pipe' });
    const assembly = path.join(repo, 'src/OrderService/bin/Debug/net10.0/OrderService.dll');
    const feed = spawn('dotnet', [dll, 'feed', '--listen', '127.0.0.1:0', '--store', storePath], { stdio: ['ignore', 'pipe', 'pipe'] });
    try {
        const [, dsn] = await firstMatch(feed, /^dsn (\S+)$/m, 60_000, 'heal feed');
        let crashed = false;
        try {
            execFileSync('dotnet', ['exec', assembly], { cwd: repo, env: { ...process.env, SENTRY_DSN: dsn, DOTNET_CLI_TELEMETRY_OPTOUT: '1' }, stdio: 'pipe', timeout: 60_000 });
        } catch (error) {
            // The sample exits 1 when an order failed; that is the crash this fixture is for.
            crashed = error.status === 1;
            if (!crashed) {
                throw error;
            }
        }
        if (!crashed) {
            throw new Error('the demo sample exited 0: no crash was reported');
        }
        const address = new URL(dsn);
        for (const event of extraEvents) {
            await postEvent(`${address.protocol}//${address.host}`, address.username, event);
        }
    } finally {
        await stopFeed(feed);
    }
    return storePath;
}

/** The error groups in a store, as `heal errors --json` lists them. */
export function storeGroups(storePath, dll = healDll()) {
    return JSON.parse(execFileSync('dotnet', [dll, 'errors', '--store', storePath, '--json'], { encoding: 'utf8' }));
}
