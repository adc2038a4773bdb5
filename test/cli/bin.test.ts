/** The real `bin/lakip.js`, run as a separate process on the compiled CLI. */
import { execFileSync, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { NTT, ROOT } from './helpers';

const BIN = path.join(ROOT, 'bin', 'lakip.js');

jest.setTimeout(180_000);

beforeAll(() => {
  execFileSync('npx', ['tsc', '-p', 'tsconfig.cli.json'], { cwd: ROOT, stdio: 'pipe' });
});

function lakipProcess(args: string[]) {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1' };
  return spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, env, encoding: 'utf8' });
}

it('bin/lakip.js is an executable node script', () => {
  expect(fs.readFileSync(BIN, 'utf8').startsWith('#!/usr/bin/env node\n')).toBe(true);
  expect(fs.statSync(BIN).mode & 0o111).not.toBe(0);
});

it('check <example> --format json prints one JSON object and exits 0', () => {
  const r = lakipProcess(['check', path.relative(ROOT, NTT), '--format', 'json']);
  expect(r.stderr).toContain('Ringkasan: 1 berkas dibaca');
  expect(r.status).toBe(0);
  const out = JSON.parse(r.stdout);
  expect(out.files).toHaveLength(1);
  expect(out.files[0].file).toBe(path.join('examples', 'dinsos-ntt-2021.xlsx'));
  expect(out.files[0].tables.length).toBeGreaterThan(0);
});

it('exit codes reach the shell: 2 for a missing file, 64 for a usage error', () => {
  expect(lakipProcess(['check', 'tidak-ada.xlsx']).status).toBe(2);
  expect(lakipProcess(['check', '--format', 'xml', 'a.xlsx']).status).toBe(64);
  const v = lakipProcess(['--version']);
  expect(v.status).toBe(0);
  expect(v.stdout.trim()).toBe(JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')).version);
});
