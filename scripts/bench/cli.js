'use strict';
/**
 * The CLI as a user runs it, each command a fresh process:
 *
 *   node scripts/bench/cli.js startup [runs=7]
 *     `node -e 0`, `lakip --help`, `lakip --version`, `lakip check examples/dinsos-ntt-2021.xlsx`
 *     and a bare exceljs read of the same file (node -e that requires exceljs and reads it),
 *     interleaved, `runs` times each: wall ms (median, min, max), and CPU ms and peak RSS
 *     from /usr/bin/time when present.
 *   node scripts/bench/cli.js memory <file.xlsx>
 *     peak RSS of `lakip check <file> --format json > /dev/null`: /usr/bin/time -v when
 *     present, else ps polling every 20 ms.
 * Prints JSON.
 */
const fs = require('fs');
const path = require('path');
const { spawn, spawnSync, execFileSync } = require('child_process');

const ROOT = path.resolve(__dirname, '..', '..');
const LAKIP = path.join(ROOT, 'bin', 'lakip.js');
const SAMPLE = path.join(ROOT, 'examples', 'dinsos-ntt-2021.xlsx');
const TIME = fs.existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;

const stats = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return { median: s[Math.floor(s.length / 2)], min: s[0], max: s[s.length - 1], runs: xs.map((x) => Math.round(x * 10) / 10) };
};

/** One fresh process: wall ms (spawn to exit), and CPU ms and peak RSS (KB) from /usr/bin/time. */
function once(args) {
  const cmd = TIME ? TIME : process.execPath;
  const argv = TIME ? ['-f', '@@%U %S %M', process.execPath, ...args] : args;
  const t = process.hrtime.bigint();
  const r = spawnSync(cmd, argv, { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8', maxBuffer: 1 << 24 });
  const ms = Number(process.hrtime.bigint() - t) / 1e6;
  const m = /@@([\d.]+) ([\d.]+) (\d+)/.exec(r.stderr || '');
  return { ms, cpuMs: m ? (Number(m[1]) + Number(m[2])) * 1000 : undefined, rssKB: m ? Number(m[3]) : undefined, status: r.status };
}

function startup(runs) {
  const cmds = {
    nodeE0: ['-e', '0'],
    help: [LAKIP, '--help'],
    version: [LAKIP, '--version'],
    check: [LAKIP, 'check', SAMPLE],
    exceljsRead: ['-e', `require('exceljs');new (require('exceljs').Workbook)().xlsx.readFile(${JSON.stringify(SAMPLE)}).then(()=>{})`],
  };
  const res = Object.fromEntries(Object.keys(cmds).map((k) => [k, []]));
  once(cmds.nodeE0); // warm the file cache once, not counted
  once(cmds.check);
  for (let i = 0; i < runs; i++) for (const [k, a] of Object.entries(cmds)) res[k].push(once(a));
  const out = { runs, time: TIME ? '/usr/bin/time' : 'none' };
  for (const [k, rs] of Object.entries(res)) {
    out[k] = { ...stats(rs.map((r) => r.ms)), cpu: TIME ? stats(rs.map((r) => r.cpuMs)).median : undefined, rssMB: TIME ? stats(rs.map((r) => r.rssKB)).median / 1024 : undefined, status: rs[0].status };
  }
  return out;
}

async function memory(file) {
  const args = [LAKIP, 'check', file, '--format', 'json'];
  const child = spawn(TIME ? TIME : process.execPath, TIME ? ['-v', process.execPath, ...args] : args, { cwd: ROOT, stdio: ['ignore', fs.openSync('/dev/null', 'w'), 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d) => {
    stderr += d;
  });
  let polled = 0;
  const poll = setInterval(() => {
    try {
      const pids = [child.pid];
      const kids = execFileSync('ps', ['-o', 'pid=', '--ppid', String(child.pid)], { encoding: 'utf8' }).trim();
      if (kids) pids.push(...kids.split(/\s+/));
      for (const p of pids) polled = Math.max(polled, Number(execFileSync('ps', ['-o', 'rss=', '-p', String(p)], { encoding: 'utf8' }).trim()) || 0);
    } catch {
      /* gone */
    }
  }, 20);
  const t = process.hrtime.bigint();
  const code = await new Promise((res) => child.on('close', res));
  clearInterval(poll);
  const ms = Number(process.hrtime.bigint() - t) / 1e6;
  const m = /Maximum resident set size \(kbytes\): (\d+)/.exec(stderr);
  return { file: path.basename(file), ms, exitCode: code, peakMB: (m ? Number(m[1]) : polled) / 1024, polledMB: polled / 1024, via: m ? '/usr/bin/time -v' : 'ps polling' };
}

async function main() {
  const [mode, arg] = process.argv.slice(2);
  let out;
  if (mode === 'startup') out = startup(Number(arg || 7));
  else if (mode === 'memory') out = await memory(path.resolve(arg));
  else throw new Error('usage: cli.js startup [runs] | memory <file.xlsx>');
  process.stdout.write(JSON.stringify(out));
}
main().catch((e) => {
  console.error(e && e.stack ? e.stack : e);
  process.exit(1);
});
