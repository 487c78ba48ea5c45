// Benchmark, not a test: what the sandbox costs. For each corpus case, `heal fix --offline` validates the rules' patch
// with no sandbox and with every build and test run in bubblewrap (HEAL_SANDBOX=always, the path a model's patch
// takes), alternating, each run with a fresh work folder (no build cache: a sandboxed run never uses it) and no build
// servers, so the only difference is the sandbox. Prints the median of each and the overhead.
// Usage: node tests/bench/bench-sandbox.mjs [--heal PATH/heal.dll] [--cases SUBSTRING] [--runs N]
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..', '..');
const args = process.argv.slice(2);
const option = (name) => { const i = args.indexOf(name); return i >= 0 ? args[i + 1] : undefined; };
const heal = option('--heal') ?? path.join(root, 'server/Heal.Cli/bin/Release/net10.0/heal.dll');
const casesFilter = option('--cases') ?? '0';
const runs = Number(option('--runs') ?? '3');
const quiet = { DOTNET_NOLOGO: '1', DOTNET_CLI_TELEMETRY_OPTOUT: '1', DOTNET_CLI_USE_MSBUILD_SERVER: '0', MSBUILDDISABLENODEREUSE: '1', UseSharedCompilation: 'false' };

function run(file, argv, cwd, env = {}) {
  const started = process.hrtime.bigint();
  const result = spawnSync(file, argv, { cwd, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, env: { ...process.env, ...quiet, ...env } });
  return { ...result, seconds: Number(process.hrtime.bigint() - started) / 1e9 };
}

function git(cwd, ...argv) {
  const r = run('git', ['-c', 'user.email=bench@localhost', '-c', 'user.name=bench', ...argv], cwd);
  if (r.status !== 0) throw new Error(`git ${argv.join(' ')}: ${r.stderr}`);
}

function prepare(dir, work) {
  const repo = path.join(work, 'repo');
  const skip = ['behaviour', 'crash', 'reference.patch', 'wrong.patch', 'case.json', 'event.json'];
  fs.cpSync(dir, repo, { recursive: true, filter: (src) => {
    const parts = path.relative(dir, src).split(path.sep);
    return !parts.includes('bin') && !parts.includes('obj') && !skip.includes(parts[0]);
  } });
  for (const shared of ['Directory.Build.props', 'Directory.Build.targets', 'Directory.Packages.props']) {
    const from = path.join(path.dirname(dir), shared);
    if (fs.existsSync(from) && !fs.existsSync(path.join(repo, shared))) fs.copyFileSync(from, path.join(repo, shared));
  }
  git(repo, 'init', '-q', '-b', 'main');
  git(repo, 'add', '-A');
  git(repo, 'commit', '-q', '-m', 'bench');
  return repo;
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const corpus = path.join(root, 'tests/corpus');
const rows = [];
for (const name of fs.readdirSync(corpus).sort()) {
  const dir = path.join(corpus, name);
  const caseFile = path.join(dir, 'case.json');
  if (!fs.existsSync(caseFile) || !name.startsWith(casesFilter) && !name.includes(casesFilter)) continue;
  if (JSON.parse(fs.readFileSync(caseFile, 'utf8')).expected !== 'fix') continue;
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'heal-bench-'));
  try {
    const repo = prepare(dir, work);
    const times = { plain: [], sandboxed: [] };
    let status = {};
    for (let i = 0; i < runs * 2; i++) {
      const mode = i % 2 === 0 ? 'plain' : 'sandboxed';
      const tmp = fs.mkdtempSync(path.join(work, 'tmp-'));
      const r = run('dotnet', [heal, 'fix', '--repo', repo, '--event', path.join(dir, 'event.json'), '--offline', '--json', '--quiet'], repo,
        { TMPDIR: tmp, HEAL_SANDBOX: mode === 'sandboxed' ? 'always' : 'auto' });
      let json = {};
      try { json = JSON.parse(r.stdout); } catch { json = { status: 'error', message: r.stderr.trim().split('\n').pop() }; }
      status[mode] = json.status === 'validated' ? json.status : `${json.status}: ${json.message}`;
      if (json.status === 'validated') times[mode].push(json.timings.validate);
      const branches = run('git', ['branch', '--format=%(refname:short)', '--list', 'heal/*'], repo).stdout.split('\n').filter(Boolean);
      if (branches.length) git(repo, 'branch', '-q', '-D', ...branches);
      fs.rmSync(tmp, { recursive: true, force: true });
    }
    rows.push({ name, status, plain: times.plain, sandboxed: times.sandboxed });
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

const pad = (s, n) => String(s).padEnd(n);
console.log(`${pad('case', 36)} ${pad('validate, no sandbox', 22)} ${pad('validate, sandboxed', 22)} overhead`);
const ratios = [];
for (const row of rows) {
  if (!row.plain.length || !row.sandboxed.length) { console.log(`${pad(row.name, 36)} not validated: ${JSON.stringify(row.status)}`); continue; }
  const plain = median(row.plain);
  const sandboxed = median(row.sandboxed);
  ratios.push(sandboxed / plain);
  console.log(`${pad(row.name, 36)} ${pad(plain.toFixed(2) + 's', 22)} ${pad(sandboxed.toFixed(2) + 's', 22)} ${(sandboxed - plain >= 0 ? '+' : '')}${(sandboxed - plain).toFixed(2)}s (${((sandboxed / plain - 1) * 100).toFixed(0)}%)`);
}
if (ratios.length) {
  console.log(`\n${ratios.length} cases, ${runs} runs each way (medians); sandboxed / unsandboxed validation: median ${median(ratios).toFixed(2)}, worst ${Math.max(...ratios).toFixed(2)} (load average ${os.loadavg()[0].toFixed(1)})`);
}
