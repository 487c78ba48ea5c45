// Benchmark, not a test: time from event to validated patch (`heal fix`), next to a warm `dotnet test` of the
// same solution in the same run. The ratio is the figure (target: at most 1.3).
// Usage: node tests/bench/bench-fix.mjs [--heal PATH/heal.dll] [--cases GLOB] [--demo-only]
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..', '..');
const args = process.argv.slice(2);
const option = (name) => { const i = args.indexOf(name); return i >= 0 ? args[i + 1] : undefined; };
const heal = option('--heal') ?? path.join(root, 'server/Heal.Cli/bin/Release/net10.0/heal.dll');
const casesGlob = option('--cases');
const demoOnly = args.includes('--demo-only');

function run(file, argv, cwd, env = {}) {
  const started = process.hrtime.bigint();
  const result = spawnSync(file, argv, { cwd, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, env: { ...process.env, DOTNET_NOLOGO: '1', DOTNET_CLI_TELEMETRY_OPTOUT: '1', ...env } });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  return { ...result, seconds };
}

function git(cwd, ...argv) {
  const r = run('git', ['-c', 'user.email=bench@localhost', '-c', 'user.name=bench', ...argv], cwd);
  if (r.status !== 0) throw new Error(`git ${argv.join(' ')}: ${r.stderr}`);
  return r.stdout.trim();
}

// A target is a folder whose solution, sources and tests form the repository, and a Sentry event.
function targets() {
  const list = [];
  const demo = path.join(root, 'server/Heal.Cli/Demo/Sample');
  if (fs.existsSync(demo)) list.push({ name: 'demo sample', dir: demo, event: null, exclude: ['bin', 'obj'] });
  if (demoOnly) return list;
  const corpus = path.join(root, 'tests/corpus');
  for (const name of fs.readdirSync(corpus).sort()) {
    const dir = path.join(corpus, name);
    const caseFile = path.join(dir, 'case.json');
    if (!fs.existsSync(caseFile)) continue;
    if (casesGlob && !name.includes(casesGlob)) continue;
    const info = JSON.parse(fs.readFileSync(caseFile, 'utf8'));
    if (info.expected !== 'fix') continue;
    list.push({ name, dir, event: path.join(dir, 'event.json'), exclude: ['behaviour', 'crash', 'reference.patch', 'wrong.patch', 'case.json', 'event.json'] });
  }
  return list;
}

function prepare(target, work) {
  const repo = path.join(work, 'repo');
  fs.cpSync(target.dir, repo, { recursive: true, filter: (src) => {
    const rel = path.relative(target.dir, src);
    const top = rel.split(path.sep)[0];
    return !['bin', 'obj'].some((d) => rel.split(path.sep).includes(d)) && !target.exclude.includes(top);
  } });
  // The corpus shares build settings one level up; copy them so the repository builds alone.
  for (const shared of ['Directory.Build.props', 'Directory.Build.targets', 'Directory.Packages.props']) {
    const from = path.join(path.dirname(target.dir), shared);
    if (fs.existsSync(from) && !fs.existsSync(path.join(repo, shared))) fs.copyFileSync(from, path.join(repo, shared));
  }
  git(repo, 'init', '-q', '-b', 'main');
  git(repo, 'add', '-A');
  git(repo, 'commit', '-q', '-m', 'bench');
  return repo;
}

function solutionOf(repo) {
  const sln = fs.readdirSync(repo).find((f) => f.endsWith('.sln') || f.endsWith('.slnx'));
  if (!sln) throw new Error(`no solution in ${repo}`);
  return sln;
}

// The demo sample's event is captured for real, as `heal demo` does: the built sample runs with SENTRY_DSN pointing
// at a real `heal feed`, whose store then holds the crash. Returns the `heal fix` arguments that read it.
async function captureDemoEvent(repo, work) {
  const assembly = path.join(repo, 'src/OrderService/bin/Debug/net10.0/OrderService.dll');
  if (!fs.existsSync(assembly)) throw new Error(`the sample is not built: ${assembly}`);
  const store = path.join(work, 'feed.db');
  const feed = spawn('dotnet', [heal, 'feed', '--listen', '127.0.0.1:0', '--store', store], { stdio: ['ignore', 'pipe', 'pipe'] });
  try {
    const dsn = await new Promise((resolve, reject) => {
      let out = '';
      const timer = setTimeout(() => reject(new Error(`heal feed printed no dsn: ${out}`)), 30000);
      feed.stdout.on('data', (chunk) => {
        out += chunk;
        const match = /^dsn (\S+)$/m.exec(out);
        if (match) { clearTimeout(timer); resolve(match[1]); }
      });
      feed.on('exit', (code) => { clearTimeout(timer); reject(new Error(`heal feed exited with ${code}: ${out}`)); });
    });
    run('dotnet', ['exec', assembly], repo, { SENTRY_DSN: dsn });
  } finally {
    const exited = new Promise((resolve) => feed.on('exit', resolve));
    feed.kill('SIGINT');
    await exited;
  }
  const errors = JSON.parse(run('dotnet', [heal, 'errors', '--store', store, '--json'], repo).stdout);
  if (errors.length !== 1) throw new Error(`expected one error group from the sample, got ${errors.length}`);
  return ['--store', store, '--group', errors[0].id];
}

const rows = [];
for (const target of targets()) {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'heal-bench-'));
  try {
    const repo = prepare(target, work);
    const sln = solutionOf(repo);
    const first = run('dotnet', ['test', sln, '-nologo', '-v', 'q'], repo);
    if (first.status !== 0) { rows.push({ name: target.name, note: 'dotnet test fails on the buggy solution' }); continue; }
    const warm = run('dotnet', ['test', sln, '-nologo', '-v', 'q'], repo);
    const source = target.event ? ['--event', target.event] : await captureDemoEvent(repo, work);
    const fix = (label) => {
      const r = run('dotnet', [heal, 'fix', '--repo', repo, ...source, '--offline', '--json', '--quiet'], repo);
      let json = {};
      try { json = JSON.parse(r.stdout); } catch { json = { status: 'error', message: r.stderr.trim().split('\n').pop() }; }
      return { label, seconds: r.seconds, json };
    };
    const cold = fix('cold');
    const hot = fix('warm');
    rows.push({ name: target.name, warmTest: warm.seconds, cold, hot });
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

const pad = (s, n) => String(s).padEnd(n);
console.log(`${pad('target', 40)} ${pad('status', 10)} ${pad('warm test', 10)} ${pad('fix cold', 9)} ${pad('fix warm', 9)} ${pad('ratio', 6)} where the warm fix's time goes`);
for (const row of rows) {
  if (row.note) { console.log(`${pad(row.name, 40)} ${row.note}`); continue; }
  const t = row.hot.json.timings ?? {};
  const parts = ['diagnose', 'validate.worktree', 'validate.reproduction', 'validate.apply', 'validate.build', 'validate.tests', 'validate.build+tests', 'deliver']
    .filter((k) => t[k] !== undefined).map((k) => `${k.replace('validate.', '')} ${t[k].toFixed(1)}`).join(', ');
  const ratio = row.hot.seconds / row.warmTest;
  console.log(`${pad(row.name, 40)} ${pad(row.hot.json.status, 10)} ${pad(row.warmTest.toFixed(1) + 's', 10)} ${pad(row.cold.seconds.toFixed(1) + 's', 9)} ${pad(row.hot.seconds.toFixed(1) + 's', 9)} ${pad(ratio.toFixed(2), 6)} ${parts}`);
}
const validated = rows.filter((r) => r.hot && r.hot.json.status === 'validated');
if (validated.length) {
  const ratios = validated.map((r) => r.hot.seconds / r.warmTest).sort((a, b) => a - b);
  console.log(`\nvalidated ${validated.length} of ${rows.length}; warm-fix / warm-test ratio: median ${ratios[Math.floor(ratios.length / 2)].toFixed(2)}, worst ${ratios[ratios.length - 1].toFixed(2)} (load average ${os.loadavg()[0].toFixed(1)})`);
}
