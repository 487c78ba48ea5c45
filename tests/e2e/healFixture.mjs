// Shared by the protocol test and the VS Code decline test: the lead's sample (tests/Heal.Testing/Samples/ShopRepository.cs,
// read from the C# source so there is one copy of it), a real git repo made from it, and a real feed store holding the
// sample's Sentry event, written by the real `heal feed` receiver over HTTP.
import { spawn, execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const samplePath = path.join(repoRoot, 'tests/Heal.Testing/Samples/ShopRepository.cs');

/** The body of a C# raw string literal `NAME = """ ... """` (or `$$"""`), with the closing quotes' indentation removed. */
function rawString(source, marker) {
    const start = source.indexOf(marker);
    if (start < 0) {
        throw new Error(`${marker} not found in ${samplePath}`);
    }
    const open = source.indexOf('"""', start);
    const bodyStart = source.indexOf('\n', open) + 1;
    const close = source.indexOf('"""', bodyStart);
    const lineStart = source.lastIndexOf('\n', close) + 1;
    const indent = close - lineStart;
    return source.slice(bodyStart, lineStart - 1).split('\n').map(line => line.slice(Math.min(indent, line.length - line.trimStart().length))).join('\n');
}

/** `//- path` headers, as Heal.Testing.Fixture reads them. */
export function fixtureFiles(fixture) {
    const files = [];
    let current;
    for (const line of fixture.replace(/\r\n/g, '\n').split('\n')) {
        if (line.startsWith('//- ')) {
            current = { path: line.slice(4).trim(), lines: [] };
            files.push(current);
        } else if (current) {
            current.lines.push(line);
        }
    }
    return files.map(f => ({ path: f.path, text: f.lines.join('\n').replace(/[\n ]+$/, '') + '\n' }));
}

export function sample() {
    const source = fs.readFileSync(samplePath, 'utf8');
    const eventTemplate = rawString(source, 'EventJson(');
    return {
        fixture: rawString(source, 'public const string Fixture'),
        throwingFile: /ThrowingFile = "([^"]+)"/.exec(source)[1],
        /** EventJson() with its defaults; the template's interpolations are the three parameters. */
        eventJson({ message = 'Object reference not set to an instance of an object.', release = 'shop@1.4.2', eventId } = {}) {
            const text = eventTemplate.replace(/\{\{([^{}]+)\}\}/g, (_, expr) => {
                if (expr === 'release') return release;
                if (expr === 'extraFrames') return '';
                if (expr.includes('Serialize(message)')) return JSON.stringify(message);
                throw new Error(`unknown interpolation {{${expr}}} in EventJson`);
            });
            const event = JSON.parse(text);
            if (eventId) {
                event.event_id = eventId;
            }
            return event;
        },
    };
}

function git(cwd, ...args) {
    return execFileSync('git', args, { cwd, encoding: 'utf8' });
}

/** A temp git repo holding the sample solution, one commit on main. */
export function createRepository(prefix = 'heal-shop-') {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
    for (const file of fixtureFiles(sample().fixture)) {
        const full = path.join(dir, file.path);
        fs.mkdirSync(path.dirname(full), { recursive: true });
        fs.writeFileSync(full, file.text);
    }
    git(dir, 'init', '-q', '-b', 'main');
    git(dir, 'config', 'user.email', 'dev@example.com');
    git(dir, 'config', 'user.name', 'Dev');
    git(dir, 'config', 'commit.gpgsign', 'false');
    git(dir, 'add', '-A');
    git(dir, 'commit', '-q', '-m', 'initial');
    return dir;
}

/** The heal.dll to run: HEAL_DLL, else the extension's bundled server, else the Release build. */
export function healDll() {
    const candidates = [
        process.env.HEAL_DLL,
        path.join(repoRoot, 'vscode-extension/server/heal.dll'),
        path.join(repoRoot, 'server/Heal.Cli/bin/Release/net10.0/heal.dll'),
    ].filter(Boolean);
    const found = candidates.find(c => fs.existsSync(c));
    if (!found) {
        throw new Error(`heal.dll not found (tried ${candidates.join(', ')}); run dotnet publish server/Heal.Cli -c Release -o vscode-extension/server`);
    }
    return found;
}

/** Reads lines from a stream until one matches, with a deadline (the process is external: poll, never sleep). */
function waitForLine(child, pattern, timeoutMs, what) {
    return new Promise((resolve, reject) => {
        let buffer = '';
        let stderr = '';
        const timer = setTimeout(() => done(new Error(`${what}: no line matching ${pattern} within ${timeoutMs} ms; stderr: ${stderr}`)), timeoutMs);
        const onData = chunk => {
            buffer += chunk;
            const match = pattern.exec(buffer);
            if (match) {
                done(undefined, match);
            }
        };
        const onErr = chunk => { stderr += chunk; };
        const onExit = code => done(new Error(`${what} exited with ${code} before printing ${pattern}; stderr: ${stderr}`));
        function done(error, match) {
            clearTimeout(timer);
            child.stdout.off('data', onData);
            child.stderr.off('data', onErr);
            child.off('exit', onExit);
            error ? reject(error) : resolve(match);
        }
        child.stdout.setEncoding('utf8').on('data', onData);
        child.stderr.setEncoding('utf8').on('data', onErr);
        child.on('exit', onExit);
    });
}

/**
 * Writes events into a new store file with the real receiver: starts `heal feed`, POSTs each event to its
 * Sentry store endpoint, then stops it with SIGTERM (it commits what is queued and exits 0).
 */
export async function feedStore(storePath, events, { dll = healDll() } = {}) {
    const key = 'e2e0000000000000000000000000e2e0';
    const feed = spawn('dotnet', [dll, 'feed', '--listen', '127.0.0.1:0', '--store', storePath, '--key', key], { stdio: ['ignore', 'pipe', 'pipe'] });
    try {
        const [, address] = await waitForLine(feed, /listening on (http:\/\/\S+)/, 60_000, 'heal feed');
        for (const event of events) {
            await postEvent(address, key, event);
        }
    } finally {
        await stopFeed(feed);
    }
    return storePath;
}

/** Posts one Sentry event JSON to a running `heal feed` at `baseUrl` (the legacy store endpoint) with the DSN key. */
export async function postEvent(baseUrl, key, event) {
    const response = await fetch(`${baseUrl}/api/1/store/`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Sentry-Auth': `Sentry sentry_key=${key}, sentry_version=7` },
        body: JSON.stringify(event),
    });
    if (!response.ok) {
        throw new Error(`heal feed answered ${response.status}: ${await response.text()}`);
    }
}

/** Stops a `heal feed` child with SIGTERM (it commits what is queued and exits 0); throws on any other exit code. */
export async function stopFeed(feed) {
    const exited = new Promise(resolve => feed.once('exit', resolve));
    if (feed.exitCode === null) {
        feed.kill('SIGTERM');
    }
    const code = feed.exitCode ?? await exited.then(c => c, () => null);
    if (code !== 0 && code !== null) {
        throw new Error(`heal feed exited with ${code}`);
    }
}
