// A real app using Sentry's Node SDK: it throws at a known line and reports to the DSN it is given.
// Usage: node client.js DSN   (or SENTRY_DSN in the environment)
'use strict';

const Sentry = require('@sentry/node');

function parsePrice(text) {
  const match = /^(\d+)\.(\d\d)$/.exec(text);
  return match.groups.cents; // heal:throw
}

async function main() {
  const dsn = process.argv[2] || process.env.SENTRY_DSN;
  if (!dsn) {
    console.error('usage: node client.js DSN');
    return 2;
  }

  Sentry.init({ dsn, release: 'heal-client-node@1.0.0', environment: 'test' });
  try {
    parsePrice('12,50');
  } catch (e) {
    Sentry.captureException(e);
  }

  await Sentry.close(10000);
  return 0;
}

main().then((code) => {
  process.exitCode = code;
});
