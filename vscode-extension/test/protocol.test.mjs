// Protocol test: the real `heal lsp` (dotnet heal.dll lsp) over stdio, driven by vscode-jsonrpc — the same protocol
// library the extension's LanguageClient uses — against a real feed store written by the real `heal feed`.
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { pathToFileURL } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node.js';
import { createRepository, feedStore, healDll, sample } from '../../tests/e2e/healFixture.mjs';

const deadlineMs = 60_000;
let server;
let connection;
let repo;
let storeDir;
let throwingUri;
let initializeResult;
let serverGone;
const published = new Map();
const publishWaiters = [];

/** Resolves with the first publishDiagnostics (already seen or coming) that satisfies the predicate; rejects at the deadline. */
function waitForDiagnostics(predicate, what) {
    for (const params of published.values()) {
        if (predicate(params)) {
            return Promise.resolve(params);
        }
    }
    return orServerGone(new Promise((resolve, reject) => {
        const waiter = { predicate, resolve };
        publishWaiters.push(waiter);
        setTimeout(() => {
            publishWaiters.splice(publishWaiters.indexOf(waiter), 1);
            reject(new Error(`no publishDiagnostics ${what} within ${deadlineMs} ms; seen: ${JSON.stringify([...published.values()])}`));
        }, deadlineMs).unref();
    }));
}

before(async () => {
    const dll = healDll();
    repo = createRepository();
    storeDir = fs.mkdtempSync(path.join(os.tmpdir(), 'heal-store-'));
    const store = path.join(storeDir, 'feed.db');
    await feedStore(store, [sample().eventJson()], { dll });
    throwingUri = pathToFileURL(path.join(repo, sample().throwingFile)).href;

    server = spawn('dotnet', [dll, 'lsp'], { cwd: repo, stdio: ['pipe', 'pipe', 'pipe'] });
    let stderr = '';
    server.stderr.setEncoding('utf8').on('data', chunk => { stderr += chunk; });
    // A server that dies answers nothing: fail every pending wait with its exit code and stderr instead of hanging.
    serverGone = new Promise((_, reject) => server.once('exit', code => reject(new Error(`heal lsp exited with ${code}: ${stderr.trim()}`))));
    serverGone.catch(() => undefined);
    connection = createMessageConnection(new StreamMessageReader(server.stdout), new StreamMessageWriter(server.stdin));
    connection.onNotification('textDocument/publishDiagnostics', params => {
        published.set(params.uri, params);
        for (const waiter of [...publishWaiters]) {
            if (waiter.predicate(params)) {
                publishWaiters.splice(publishWaiters.indexOf(waiter), 1);
                waiter.resolve(params);
            }
        }
    });
    // The server may ask for progress tokens or configuration; answer like a client that supports them.
    connection.onRequest('window/workDoneProgress/create', () => null);
    connection.onRequest('workspace/configuration', params => params.items.map(() => null));
    connection.onRequest('client/registerCapability', () => null);
    connection.listen();

    initializeResult = await orServerGone(connection.sendRequest('initialize', {
        processId: process.pid,
        rootUri: pathToFileURL(repo).href,
        workspaceFolders: [{ uri: pathToFileURL(repo).href, name: 'shop' }],
        capabilities: { window: { workDoneProgress: true }, textDocument: { publishDiagnostics: { relatedInformation: true } } },
        initializationOptions: { store },
    }));
    await connection.sendNotification('initialized', {});
});

after(() => {
    connection?.dispose();
    if (server && server.exitCode === null) {
        server.kill('SIGKILL');
    }
    for (const dir of [repo, storeDir]) {
        if (dir) {
            fs.rmSync(dir, { recursive: true, force: true });
        }
    }
});

function orServerGone(promise) {
    return Promise.race([promise, serverGone]);
}

function openThrowingFile() {
    const text = fs.readFileSync(new URL(throwingUri), 'utf8');
    return connection.sendNotification('textDocument/didOpen', { textDocument: { uri: throwingUri, languageId: 'csharp', version: 1, text } });
}

const throwingLine = 6; // zero-based: `return price * (1 - customer.Discount.Rate);`
const isThrowingDiagnostic = d => d.severity === 1 && d.range.start.line === throwingLine && d.source === 'heal';

test('initialize_StoreOption_AdvertisesHealCapabilities', () => {
    const capabilities = initializeResult.capabilities;
    assert.ok(capabilities.hoverProvider, 'hoverProvider');
    assert.ok(capabilities.codeActionProvider, 'codeActionProvider');
    assert.ok(capabilities.codeLensProvider, 'codeLensProvider');
    assert.ok(capabilities.executeCommandProvider?.commands?.includes('heal.heal'), `commands: ${JSON.stringify(capabilities.executeCommandProvider)}`);
});

test('publishDiagnostics_StoreWithNullReference_FlagsTheThrowingLine', async () => {
    await openThrowingFile();
    const params = await waitForDiagnostics(p => p.uri === throwingUri && p.diagnostics.some(isThrowingDiagnostic), 'with an Error on the throwing line');
    const diagnostic = params.diagnostics.find(isThrowingDiagnostic);
    assert.match(diagnostic.message, /NullReferenceException/);
    assert.ok(diagnostic.code, 'the diagnostic carries the group id as its code');
});

test('codeAction_OnThrowingLine_OffersHealThisError', async () => {
    const params = await waitForDiagnostics(p => p.uri === throwingUri && p.diagnostics.some(isThrowingDiagnostic), 'for the code action');
    const diagnostic = params.diagnostics.find(isThrowingDiagnostic);
    const actions = await orServerGone(connection.sendRequest('textDocument/codeAction', {
        textDocument: { uri: throwingUri },
        range: diagnostic.range,
        context: { diagnostics: [diagnostic], only: ['quickfix'] },
    }));
    const heal = actions.find(a => a.title === 'Heal this error');
    assert.ok(heal, `actions: ${JSON.stringify(actions.map(a => a.title))}`);
    assert.equal(heal.command.command, 'heal.heal');
    assert.equal(String(heal.command.arguments[0].groupId), String(diagnostic.code));
    assert.equal(heal.command.arguments[0].uri, throwingUri);
});

test('listErrors_StoreWithOneGroup_ReturnsItWithTheThrowingFrame', async () => {
    const result = await orServerGone(connection.sendRequest('heal/listErrors'));
    assert.equal(result.errors.length, 1, JSON.stringify(result));
    assert.equal(result.errors[0].type, 'System.NullReferenceException');
    const frame = result.errors[0].frames.find(f => f.location?.uri === throwingUri);
    assert.ok(frame, `frames: ${JSON.stringify(result.errors[0].frames)}`);
    assert.equal(frame.location.range.start.line, throwingLine);
});

test('shutdown_ThenExit_ExitsZero', async () => {
    const exited = new Promise(resolve => server.once('exit', resolve));
    await orServerGone(connection.sendRequest('shutdown'));
    await connection.sendNotification('exit');
    assert.equal(await exited, 0);
});
