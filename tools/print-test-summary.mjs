#!/usr/bin/env node
// Adds up every Jest run recorded in .test-results/summary.jsonl into one closing line.
import { existsSync, readFileSync } from 'node:fs';

const file = new URL('../.test-results/summary.jsonl', import.meta.url);
const runs = existsSync(file) ? readFileSync(file, 'utf8').trim().split('\n').filter(Boolean).map((l) => JSON.parse(l)) : [];
const sum = (key) => runs.reduce((n, r) => n + r[key], 0);
console.log(`Summary: ${sum('passed')} passed, ${sum('failed')} failed${sum('skipped') ? `, ${sum('skipped')} skipped` : ''}`);
process.exit(sum('failed') > 0 || runs.length === 0 ? 1 : 0);
