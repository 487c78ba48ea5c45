// Rewrites the machine-local paths in a captured Sentry event to a build agent's paths, so the corpus events
// look like they came from CI builds (and so the engine must map paths to the repository by suffix).
// Usage: node rewrite-paths.mjs RAW_EVENT CASE_DIR STYLE REPO_NAME   (STYLE: linux | windows | deterministic)
import fs from 'node:fs';
import path from 'node:path';

const [raw, caseDir, style, repo] = process.argv.slice(2);
const root = fs.realpathSync(caseDir).replace(/\/+$/, '') + '/';
const prefixes = {
  linux: { prefix: `/home/runner/work/${repo}/${repo}/`, sep: '/' },
  windows: { prefix: 'C:\\agent\\_work\\1\\s\\', sep: '\\' },
  deterministic: { prefix: '/_/', sep: '/' },
};
const target = prefixes[style];
if (!target) {
  console.error(`unknown path style '${style}'`);
  process.exit(2);
}

function rewrite(value) {
  if (typeof value === 'string') {
    let at = value.indexOf(root);
    while (at >= 0) {
      const tail = value.slice(at + root.length);
      const end = tail.search(/[\s"')]|$/);
      const rel = tail.slice(0, end).split('/').join(target.sep);
      value = value.slice(0, at) + target.prefix + rel + tail.slice(end);
      at = value.indexOf(root);
    }
    return value;
  }
  if (Array.isArray(value)) return value.map(rewrite);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, rewrite(v)]));
  }
  return value;
}

const event = rewrite(JSON.parse(fs.readFileSync(raw, 'utf8')));
process.stdout.write(JSON.stringify(event, null, 2) + '\n');
