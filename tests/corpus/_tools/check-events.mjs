// Checks that every case's event.json still matches its sources: each frame path under src/ or crash/ maps to
// a file of the case, and the frame's line exists and is code. Run after editing a case; re-capture on failure.
// Usage: node tests/corpus/_tools/check-events.mjs
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const corpus = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
let problems = 0;
for (const name of fs.readdirSync(corpus).filter((d) => /^\d\d-/.test(d)).sort()) {
  const event = JSON.parse(fs.readFileSync(path.join(corpus, name, 'event.json'), 'utf8'));
  const frames = event.exception.values.flatMap((v) => v.stacktrace?.frames ?? []);
  const lines = [];
  for (const frame of frames) {
    const file = (frame.abs_path ?? frame.filename ?? '').replaceAll('\\', '/');
    const match = file.match(/\/((?:src|crash)\/.+)$/);
    if (!match || frame.lineno == null) continue;
    const local = path.join(corpus, name, match[1]);
    const text = fs.existsSync(local) ? fs.readFileSync(local, 'utf8').split('\n')[frame.lineno - 1] : undefined;
    if (text === undefined || text.trim() === '' || /^\s*(\/\/|[{}]\s*$)/.test(text)) {
      console.log(`${name}: ${match[1]}:${frame.lineno} does not point at code`);
      problems++;
    } else {
      lines.push(`${match[1]}:${frame.lineno}  ${text.trim().slice(0, 90)}`);
    }
  }
  console.log(`${name}: throw site ${lines.at(-1) ?? '(none)'}`);
}
process.exit(problems ? 1 : 0);
