// Neovim 0.7 headless as a real client of `heal lsp`: tests/nvim/diagnostics.lua starts the server with the store of a
// crash captured for real from the demo sample (tests/e2e/demoFixture.mjs), opens the throwing file and writes the
// diagnostics it received as JSON; this test checks them against the store's group.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { healDll, repoRoot } from '../e2e/healFixture.mjs';
import { captureDemoCrash, createDemoRepository, demoThrowingFile, storeGroups } from '../e2e/demoFixture.mjs';

const script = path.join(repoRoot, 'tests/nvim/diagnostics.lua');
let repo;
let store;
let group;
let received;
let throwingLine;

before(async () => {
    const dll = healDll();
    repo = createDemoRepository(dll, 'heal-nvim-');
    store = await captureDemoCrash(repo, `${repo}.db`, { dll });
    [group] = storeGroups(store, dll);
    assert.ok(group, 'the captured store holds no group');
    const lines = fs.readFileSync(path.join(repo, demoThrowingFile), 'utf8').split('\n');
    throwingLine = lines.findIndex(line => line.includes('customer.Discount.Rate;') && line.includes('var discount'));

    const out = `${repo}.nvim.json`;
    const run = spawnSync('nvim', ['--headless', '-u', 'NONE', '-c', `luafile ${script}`], {
        cwd: repo,
        encoding: 'utf8',
        timeout: 120_000,
        env: { ...process.env, HEAL_DLL: dll, HEAL_STORE: store, HEAL_ROOT: repo, HEAL_FILE: path.join(repo, demoThrowingFile), HEAL_OUT: out },
    });
    assert.equal(run.status, 0, `nvim exited with ${run.status}: ${run.stderr}`);
    received = JSON.parse(fs.readFileSync(out, 'utf8'));
});

after(() => {
    for (const leftover of [repo, `${repo}.db`, `${repo}.nvim.json`]) {
        if (leftover) {
            fs.rmSync(leftover, { recursive: true, force: true });
        }
    }
});

test('publishDiagnostics_Neovim07_ReceivesTheGroupOnTheThrowingLine', () => {
    assert.match(received.client, /^nvim 0\.\d+\.\d+$/);
    const errors = received.diagnostics.filter(d => d.source === 'heal' && d.severity === 1);
    assert.equal(errors.length, 1, JSON.stringify(received.diagnostics));
    const [error] = errors;
    assert.equal(error.code, group.id);
    assert.equal(error.range.start.line, throwingLine, `expected line ${throwingLine + 1}: ${JSON.stringify(error.range)}`);
    assert.match(error.message, /^NullReferenceException: Object reference not set to an instance of an object\. — 1 event, /);
    assert.match(error.message, /\(release order-service@1\.4\.2\)$/);
});
