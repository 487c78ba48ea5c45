// A stand-in for `heal diagnose` that lets the scorer test itself before (or besides) the real engine:
//   STUB_HEAL=reference  propose the case's reference.patch (declines when the case has none)
//   STUB_HEAL=wrong      propose the case's wrong.patch, a plausible but wrong fix (declines when none)
//   STUB_HEAL=decline    always decline
// It finds the case from --event (event.json lives in the case folder) and prints a Diagnosis-shaped JSON.
// Usage: STUB_HEAL=wrong tests/scripts/score-corpus.sh --heal tests/corpus/_scorer/stub-heal.mjs
import fs from 'node:fs';
import path from 'node:path';

const args = process.argv.slice(2);
const event = args[args.indexOf('--event') + 1];
if (args[0] !== 'diagnose' || !event) {
  console.error('stub-heal: usage: diagnose --repo DIR --event FILE --offline --json');
  process.exit(2);
}
const mode = process.env.STUB_HEAL ?? 'reference';
const patchFile = path.join(path.dirname(event), mode === 'wrong' ? 'wrong.patch' : 'reference.patch');
const declined = { status: 'Declined', rootCause: '', patch: null, files: [], declineReason: `stub-heal (${mode}): no patch`, diagnoser: 'stub' };
if (mode === 'decline' || !fs.existsSync(patchFile)) {
  console.log(JSON.stringify(declined));
  process.exit(3);
}
const patch = fs.readFileSync(patchFile, 'utf8');
const files = [...patch.matchAll(/^\+\+\+ b\/(.+)$/gm)].map((m) => m[1]);
console.log(JSON.stringify({ status: 'Diagnosed', rootCause: `stub-heal (${mode})`, patch, files, confidence: 0.5, fixKind: 'stub', declineReason: null, diagnoser: 'stub' }));
