'use strict';
/**
 * Measures the batch baselines that scripts/bench.js compares against, on a given
 * commit: the commit's tree is taken with `git archive` into a temp dir (the working
 * tree is not touched), its CLI built there with this tree's node_modules, and
 * scripts/bench/batch.js run on it (LAKIP_BIN) for
 *   - BATCH200_FILES copies of the generated 200-sheet workbook (sheets:200), and
 *   - 500 copies of the two samples, in turn,
 * RUNS times each, interleaved. Prints JSON with the medians and every run.
 *   node scripts/bench/baseline.js <commit> [runs=3]
 * The figures it printed are kept in scripts/bench.js (BASELINE) with the commit.
 */
const fs = require('fs');
const os = require('os');
const path = require('path');
const { execFileSync, execSync } = require('child_process');

const ROOT = path.resolve(__dirname, '..', '..');
const { BATCH200_FILES } = require('./inputs');

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

function main() {
  const commit = execFileSync('git', ['rev-parse', '--short', process.argv[2] || 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).trim();
  const runs = Number(process.argv[3] || 3);
  const base = path.join(os.tmpdir(), `lakip-base-${commit}`);
  if (!fs.existsSync(path.join(base, 'dist', 'cli', 'main.js'))) {
    fs.rmSync(base, { recursive: true, force: true });
    fs.mkdirSync(base, { recursive: true });
    execSync(`git archive ${commit} | tar -x -C ${JSON.stringify(base)}`, { cwd: ROOT, stdio: 'inherit' });
    fs.symlinkSync(path.join(ROOT, 'node_modules'), path.join(base, 'node_modules'));
    execFileSync(process.execPath, [path.join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.cli.json'], { cwd: base, stdio: 'inherit' });
  }
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'lakip-baseline-'));
  const [gen] = JSON.parse(execFileSync(process.execPath, [path.join(__dirname, 'generate.js'), tmp, 'sheets:200'], { encoding: 'utf8' }));
  const samples = ['dinsos-ntt-2021.xlsx', 'dinsos-flotim-2020.xlsx'].map((f) => path.join(ROOT, 'examples', f));
  const env = { ...process.env, LAKIP_BIN: path.join(base, 'bin', 'lakip.js') };
  const batch = (dir, n, files) => JSON.parse(execFileSync(process.execPath, [path.join(__dirname, 'batch.js'), dir, String(n), ...files], { env, encoding: 'utf8', maxBuffer: 1 << 24 }));
  const b200 = [];
  const b500 = [];
  for (let i = 0; i < runs; i++) {
    b200.push(batch(path.join(tmp, 'b200'), BATCH200_FILES, [gen.file]));
    b500.push(batch(path.join(tmp, 'b500'), 500, samples));
    process.stderr.write(`[baseline] run ${i + 1}: ${b200[i].filesPerSec.toFixed(2)} files/s (200 sheets), ${b500[i].filesPerSec.toFixed(1)} files/s (samples)\n`);
  }
  fs.rmSync(tmp, { recursive: true, force: true });
  const sum = (rs) => ({
    files: rs[0].files,
    filesPerSec: median(rs.map((r) => r.filesPerSec)),
    cpuMsPerFile: median(rs.map((r) => r.cpuMsPerFile)),
    peakMB: median(rs.map((r) => r.peakMB)),
    runs: rs.map((r) => ({ filesPerSec: +r.filesPerSec.toFixed(3), cpuMsPerFile: Math.round(r.cpuMsPerFile), exitCode: r.exitCode })),
  });
  process.stdout.write(`${JSON.stringify({ commit, node: process.version, loadavg: os.loadavg(), batch200: sum(b200), batchSamples: sum(b500) }, null, 2)}\n`);
}
main();
