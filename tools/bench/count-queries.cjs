// Preloaded into the API by tools/bench/profile-lists.mjs (NODE_OPTIONS=--require ...): counts the
// statements the API sends to PostgreSQL, each one a round trip. Off until the process gets SIGUSR2;
// the next SIGUSR2 writes what was sent since (one statement a line, its first 100 characters) to
// QUERY_LOG_FILE and switches counting off again. Nothing is recorded while off, so a profile taken
// beside it is not distorted. SIGUSR1 is left alone: Node starts its inspector on it.
const { writeFileSync } = require('node:fs');
const pg = require('pg');

let sent = null;
const original = pg.Client.prototype.query;
pg.Client.prototype.query = function query(config, ...rest) {
  if (sent) {
    const text = typeof config === 'string' ? config : (config?.text ?? String(config));
    sent.push(text.replace(/\s+/g, ' ').trim().slice(0, 100));
  }
  return original.call(this, config, ...rest);
};
process.on('SIGUSR2', () => {
  if (sent === null) {
    sent = [];
    return;
  }
  writeFileSync(process.env.QUERY_LOG_FILE, sent.map((s) => `${s}\n`).join(''));
  sent = null;
});
