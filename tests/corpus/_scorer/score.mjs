// Scores Heal's repair engine on the public crash corpus (tests/corpus/NN-*/), or on another folder of cases laid
// out the same way (--corpus DIR, e.g. a held-out set kept outside the repository). See tests/corpus/README.md.
//
// For each case: copy the user-visible part of the case (its solution: src/, tests/, *.sln) into a fresh git
// repository, run `heal diagnose --repo COPY --event event.json --offline --json`, apply the proposed patch,
// then build and run the visible tests and the hidden behaviour tests, and classify the outcome:
//   fixed                 patch applies, visible and behaviour tests pass
//   plausible-but-wrong   patch applies and builds, visible tests pass, behaviour tests fail
//   declined (correct)    no patch, and the case must be declined
//   declined (missed fix) no patch, but the case has a fix
//   failed: <why>         error status, patch does not apply, build fails, visible tests fail,
//                         or any patch on a must-decline case
// --reference replaces the engine with the case's own reference.patch and additionally proves that the buggy
// code fails the behaviour tests, so every case's tests are shown to discriminate.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const defaultCorpusDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const repoRoot = path.resolve(defaultCorpusDir, '..', '..');
// Files that describe or drive the case but are not part of the user's repository the engine sees.
const hiddenEntries = new Set(['behaviour', 'crash', 'event.json', 'case.json', 'reference.patch', 'wrong.patch', 'bin', 'obj']);
const sharedBuildFiles = ['Directory.Build.props', 'Directory.Packages.props', 'Directory.Build.targets', '.editorconfig'];

function usage(message) {
  if (message) console.error(`score-corpus: ${message}`);
  console.error('usage: score-corpus.sh [--corpus DIR] [--heal PATH_TO_heal.dll] [--cases GLOB] [--reference] [--jobs N] [--json FILE] [--keep]');
  process.exit(2);
}

function parseArgs(argv) {
  const options = { corpus: defaultCorpusDir, heal: null, cases: '*', reference: false, jobs: 2, json: null, keep: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = () => (i + 1 < argv.length ? argv[++i] : usage(`${arg} needs a value`));
    switch (arg) {
      case '--corpus': options.corpus = path.resolve(value()); break;
      case '--heal': options.heal = path.resolve(value()); break;
      case '--cases': options.cases = value(); break;
      case '--reference': options.reference = true; break;
      case '--jobs': options.jobs = Math.max(1, Math.min(2, Number.parseInt(value(), 10) || 1)); break;
      case '--json': options.json = path.resolve(value()); break;
      case '--keep': options.keep = true; break;
      case '-h': case '--help': usage(); break;
      default: usage(`unknown argument '${arg}'`);
    }
  }
  return options;
}

function globToRegExp(glob) {
  // Shell-style: * ? and [...] classes; a comma separates alternatives ("01-*,1[0-2]-*").
  const one = (g) => g.replace(/[.+^${}()|\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.');
  const body = glob.split(',').map(one).join('|');
  return new RegExp(`^(?:${body})$`);
}

function run(command, args, { cwd, timeoutMs = 600_000 } = {}) {
  return new Promise((resolve) => {
    const started = process.hrtime.bigint();
    const child = spawn(command, args, {
      cwd,
      env: { ...process.env, DOTNET_CLI_TELEMETRY_OPTOUT: '1', DOTNET_NOLOGO: '1', DOTNET_SKIP_FIRST_TIME_EXPERIENCE: '1' },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => { stdout += d; });
    child.stderr.on('data', (d) => { stderr += d; });
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('error', (e) => { stderr += String(e); });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      resolve({ code: code ?? (signal ? 128 : 1), signal, stdout, stderr, seconds });
    });
  });
}

function copyCase(corpusDir, caseDir, repoDir) {
  fs.mkdirSync(repoDir, { recursive: true });
  for (const entry of fs.readdirSync(caseDir)) {
    if (hiddenEntries.has(entry)) continue;
    fs.cpSync(path.join(caseDir, entry), path.join(repoDir, entry), {
      recursive: true,
      filter: (src) => !['bin', 'obj'].includes(path.basename(src)),
    });
  }
  for (const file of sharedBuildFiles) {
    fs.copyFileSync(path.join(corpusDir, file), path.join(repoDir, file));
  }
}

async function git(repoDir, ...args) {
  return run('git', ['-c', 'user.name=Corpus', '-c', 'user.email=corpus@example.invalid', '-c', 'commit.gpgsign=false', ...args], { cwd: repoDir });
}

// The engine's JSON is read defensively: the Diagnosis record may be the top-level object or nested in it.
function findDiagnosis(value) {
  if (!value || typeof value !== 'object') return null;
  const keys = Object.keys(value);
  if (keys.some((k) => k.toLowerCase() === 'status') && keys.some((k) => ['patch', 'declinereason'].includes(k.toLowerCase()))) return value;
  for (const v of Object.values(value)) {
    const found = findDiagnosis(v);
    if (found) return found;
  }
  return null;
}

function field(object, name) {
  const key = Object.keys(object).find((k) => k.toLowerCase() === name.toLowerCase());
  return key === undefined ? undefined : object[key];
}

function changedLines(patch) {
  return patch.split('\n').filter((l) => (l.startsWith('+') && !l.startsWith('+++')) || (l.startsWith('-') && !l.startsWith('---'))).length;
}

function firstLine(text) {
  return (text.split('\n').map((l) => l.trim()).find((l) => l.length > 0) ?? '').slice(0, 160);
}

function buildError(output) {
  const line = output.split('\n').find((l) => /error [A-Z]+\d+/.test(l));
  return line ? line.trim().replace(/\s+\[[^\]]*\]$/, '').replace(/^.*?: error /, 'error ').slice(0, 160) : firstLine(output);
}

function failedTests(output) {
  const names = [...output.matchAll(/^\s*Failed (\S+) \[/gm)].map((m) => m[1].split('.').pop());
  return names.length ? names.join(', ') : firstLine(output);
}

async function diagnose(options, caseDir, repoDir) {
  // heal.dll runs under dotnet; a .mjs stand-in (the scorer's own self-test stub) under node.
  const [command, prefix] = options.heal.endsWith('.mjs') ? ['node', [options.heal]] : options.heal.endsWith('.dll') ? ['dotnet', [options.heal]] : [options.heal, []];
  const result = await run(command, [...prefix, 'diagnose', '--repo', repoDir, '--event', path.join(caseDir, 'event.json'), '--offline', '--json'], { timeoutMs: 300_000 });
  const seconds = result.seconds;
  let parsed = null;
  try {
    parsed = findDiagnosis(JSON.parse(result.stdout));
  } catch {
    parsed = null;
  }
  if (parsed) {
    const status = String(field(parsed, 'status') ?? '').toLowerCase();
    const patch = field(parsed, 'patch');
    if (typeof patch === 'string' && patch.trim() && (status === 'diagnosed' || status === '0')) {
      const confidence = Number(field(parsed, 'confidence'));
      return { kind: 'patch', patch, seconds, why: field(parsed, 'rootCause') ?? '', confidence: Number.isFinite(confidence) ? confidence : null };
    }
    if (status === 'declined' || status === '1' || result.code === 3) {
      return { kind: 'declined', seconds, why: String(field(parsed, 'declineReason') ?? '') };
    }
  }
  if (result.code === 3) return { kind: 'declined', seconds, why: firstLine(result.stderr) };
  const why = result.code === 0
    ? `no diagnosis in the JSON output (${firstLine(result.stdout) || 'empty stdout'})`
    : `heal exited ${result.code}: ${firstLine(result.stderr) || firstLine(result.stdout)}`;
  return { kind: 'error', seconds, why };
}

function projectIn(dir) {
  if (!fs.existsSync(dir)) return null;
  const file = fs.readdirSync(dir).find((f) => f.endsWith('.csproj'));
  return file ? path.join(dir, file) : null;
}

function visibleTestProject(repoDir) {
  const tests = path.join(repoDir, 'tests');
  for (const dir of fs.existsSync(tests) ? fs.readdirSync(tests) : []) {
    const project = projectIn(path.join(tests, dir));
    if (project) return project;
  }
  return null;
}

// Builds the given projects (restore included, one MSBuild invocation) and runs each test project.
async function buildAndTest(repoDir, projects) {
  // A temporary solution holding both test projects, built once, compiles src once.
  const sln = path.join(repoDir, 'score.sln');
  let r = await run('dotnet', ['new', 'sln', '-n', 'score', '--format', 'sln', '-o', repoDir]);
  if (r.code !== 0) return { ok: false, why: `could not create the build solution: ${firstLine(r.stderr)}` };
  r = await run('dotnet', ['sln', sln, 'add', ...projects]);
  if (r.code !== 0) return { ok: false, why: `could not create the build solution: ${firstLine(r.stderr || r.stdout)}` };
  // The compiler server is asked for explicitly (the environment may turn it off): dozens of small builds per
  // run are dominated by compiler start-up otherwise. Analyzers add nothing to a pass/fail verdict.
  r = await run('dotnet', ['build', sln, '-c', 'Debug', '-nologo', '-v', 'q', '-clp:NoSummary', '-m:1',
    '-p:UseSharedCompilation=true', '-p:RunAnalyzers=false'], { cwd: repoDir });
  fs.rmSync(sln);
  if (r.code !== 0) return { ok: false, stage: 'build', why: `build fails: ${buildError(r.stdout + r.stderr)}` };
  const results = [];
  for (const project of projects) {
    const t = await run('dotnet', ['test', project, '--no-build', '-c', 'Debug', '-nologo'], { cwd: repoDir });
    results.push({ project, ok: t.code === 0, why: t.code === 0 ? '' : failedTests(t.stdout + t.stderr) });
  }
  return { ok: true, results };
}

async function scoreCase(options, caseDir) {
  const name = path.basename(caseDir);
  const meta = JSON.parse(fs.readFileSync(path.join(caseDir, 'case.json'), 'utf8'));
  const row = { case: name, class: meta.class, expected: meta.expected, outcome: '', changedLines: '', confidence: '', seconds: '' };
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), `heal-corpus-${name}-`));
  const repoDir = path.join(tmp, 'repo');
  try {
    copyCase(options.corpus, caseDir, repoDir);
    for (const args of [['init', '-q', '-b', 'main'], ['add', '-A'], ['commit', '-q', '-m', 'Initial commit']]) {
      const r = await git(repoDir, ...args);
      if (r.code !== 0) return { ...row, outcome: `failed: git ${args[0]}: ${firstLine(r.stderr)}` };
    }
    const behaviourSrc = path.join(caseDir, 'behaviour');
    const installBehaviour = () => fs.cpSync(behaviourSrc, path.join(repoDir, 'behaviour'), {
      recursive: true, filter: (src) => !['bin', 'obj'].includes(path.basename(src)),
    });

    let outcome;
    if (options.reference && !fs.existsSync(path.join(caseDir, 'reference.patch'))) {
      // A must-decline case whose right answer is "change no code" (e.g. the bug is in upstream data): the
      // behaviour tests encode that the current behaviour is intended, so they must pass on the unchanged code.
      if (meta.expected !== 'decline') return { ...row, outcome: 'failed: no reference.patch for a case that expects a fix' };
      installBehaviour();
      const unchanged = await buildAndTest(repoDir, [visibleTestProject(repoDir), projectIn(path.join(repoDir, 'behaviour'))]);
      if (!unchanged.ok) return { ...row, outcome: `failed: ${unchanged.why}` };
      const failing = unchanged.results.find((r) => !r.ok);
      if (failing) return { ...row, outcome: `failed: tests fail on the unchanged code: ${failing.why}` };
      return { ...row, outcome: 'declined (correct)', detail: 'no reference patch; visible and behaviour tests pass on the unchanged code' };
    }
    if (options.reference) {
      // Proof that the tests discriminate: on the unpatched code the visible tests pass (they do not exercise
      // the crash) and the behaviour tests fail.
      installBehaviour();
      const buggy = await buildAndTest(repoDir, [visibleTestProject(repoDir), projectIn(path.join(repoDir, 'behaviour'))]);
      fs.rmSync(path.join(repoDir, 'behaviour'), { recursive: true, force: true });
      if (!buggy.ok) return { ...row, outcome: `failed: buggy code: ${buggy.why}` };
      if (!buggy.results[0].ok) return { ...row, outcome: `failed: visible tests fail on the buggy code: ${buggy.results[0].why}` };
      if (buggy.results[1].ok) return { ...row, outcome: 'failed: behaviour tests pass on the buggy code' };
      outcome = { kind: 'patch', patch: fs.readFileSync(path.join(caseDir, 'reference.patch'), 'utf8'), seconds: null };
    } else {
      outcome = await diagnose(options, caseDir, repoDir);
      row.seconds = outcome.seconds.toFixed(1);
    }

    if (outcome.kind === 'error') return { ...row, outcome: `failed: ${outcome.why}` };
    if (outcome.kind === 'declined') {
      return { ...row, outcome: meta.expected === 'decline' ? 'declined (correct)' : 'declined (missed fix)', detail: outcome.why };
    }
    row.changedLines = String(changedLines(outcome.patch));
    if (outcome.confidence != null) row.confidence = outcome.confidence.toFixed(2);
    if (meta.expected === 'decline' && !options.reference) {
      return { ...row, outcome: 'failed: patch on a must-decline case' };
    }
    const patchFile = path.join(tmp, 'proposed.patch');
    fs.writeFileSync(patchFile, outcome.patch.endsWith('\n') ? outcome.patch : `${outcome.patch}\n`);
    const applied = await git(repoDir, 'apply', '--whitespace=nowarn', patchFile);
    if (applied.code !== 0) return { ...row, outcome: `failed: patch does not apply: ${firstLine(applied.stderr)}` };

    installBehaviour();
    const visible = visibleTestProject(repoDir);
    const behaviour = projectIn(path.join(repoDir, 'behaviour'));
    const built = await buildAndTest(repoDir, [visible, behaviour]);
    if (!built.ok) return { ...row, outcome: `failed: ${built.why}` };
    const [v, b] = built.results;
    if (!v.ok) return { ...row, outcome: `failed: visible tests fail: ${v.why}` };
    if (!b.ok) return { ...row, outcome: 'plausible-but-wrong', detail: `behaviour tests fail: ${b.why}` };
    return { ...row, outcome: 'fixed' };
  } catch (e) {
    return { ...row, outcome: `failed: scorer error: ${e.message}` };
  } finally {
    if (options.keep) console.error(`kept ${tmp}`);
    else fs.rmSync(tmp, { recursive: true, force: true });
  }
}

async function ensureHeal(options) {
  if (options.reference) return;
  if (!options.heal) {
    options.heal = path.join(repoRoot, 'server', 'Heal.Cli', 'bin', 'Release', 'net10.0', 'heal.dll');
    if (!fs.existsSync(options.heal)) {
      console.error('score-corpus: building heal (server/Heal.Cli, Release)...');
      const r = await run('dotnet', ['build', path.join(repoRoot, 'server', 'Heal.Cli'), '-c', 'Release', '-nologo', '-v', 'q', '-clp:NoSummary']);
      if (r.code !== 0) {
        console.error(r.stdout + r.stderr);
        process.exit(1);
      }
    }
  }
  if (!fs.existsSync(options.heal)) usage(`no heal.dll at ${options.heal}`);
}

function printTable(rows) {
  const headers = ['case', 'class', 'expected', 'outcome', 'changed', 'confidence', 'diagnose s'];
  const cells = rows.map((r) => [r.case, r.class, r.expected, r.outcome, r.changedLines, r.confidence, r.seconds]);
  const widths = headers.map((h, i) => Math.min(i === 3 ? 90 : 60, Math.max(h.length, ...cells.map((c) => String(c[i]).length))));
  const line = (values) => values.map((v, i) => String(v).slice(0, widths[i]).padEnd(widths[i])).join('  ').trimEnd();
  console.log(line(headers));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const c of cells) console.log(line(c));
}

function summarise(rows, reference) {
  const count = (predicate) => rows.filter(predicate).length;
  const parts = [
    `${count((r) => r.outcome === 'fixed')} fixed`,
    `${count((r) => r.outcome === 'plausible-but-wrong')} plausible-but-wrong`,
    `${count((r) => r.outcome === 'declined (correct)')} declined (correct)`,
    `${count((r) => r.outcome === 'declined (missed fix)')} declined (missed fix)`,
    `${count((r) => r.outcome.startsWith('failed'))} failed`,
  ];
  return `${reference ? 'reference patches: ' : ''}${rows.length} cases: ${parts.join(', ')}`;
}

async function main() {
  const options = parseArgs(process.argv.slice(2));
  await ensureHeal(options);
  const pattern = globToRegExp(options.cases);
  const corpusDir = options.corpus;
  if (!fs.existsSync(corpusDir)) usage(`no corpus folder at ${corpusDir}`);
  const missing = sharedBuildFiles.filter((f) => !fs.existsSync(path.join(corpusDir, f)));
  if (missing.length) usage(`${corpusDir} lacks the shared build files ${missing.join(', ')} (copy them from tests/corpus)`);
  // Cases are numbered folders: NN-name in the public corpus, any number of digits elsewhere (101-name).
  const cases = fs.readdirSync(corpusDir)
    .filter((d) => /^\d{2,}-/.test(d) && pattern.test(d) && fs.existsSync(path.join(corpusDir, d, 'case.json')))
    .sort((a, b) => Number.parseInt(a, 10) - Number.parseInt(b, 10) || a.localeCompare(b))
    .map((d) => path.join(corpusDir, d));
  if (cases.length === 0) usage(`no case matches '${options.cases}'`);

  const rows = new Array(cases.length);
  let next = 0;
  const worker = async () => {
    while (next < cases.length) {
      const index = next++;
      rows[index] = await scoreCase(options, cases[index]);
      console.error(`  ${rows[index].case}: ${rows[index].outcome}${rows[index].detail ? ` (${rows[index].detail})` : ''}`);
    }
  };
  const started = Date.now();
  await Promise.all(Array.from({ length: Math.min(options.jobs, cases.length) }, worker));
  console.log();
  printTable(rows);
  console.log();
  console.log(`${summarise(rows, options.reference)} (${((Date.now() - started) / 1000).toFixed(0)} s)`);
  if (options.json) fs.writeFileSync(options.json, JSON.stringify(rows, null, 2) + '\n');
  if (options.reference && rows.some((r) => r.outcome !== 'fixed' && r.outcome !== 'declined (correct)')) process.exit(1);
}

await main();
