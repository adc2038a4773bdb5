'use strict';
/**
 * Batch CLI: n copies of the given workbooks (in turn) in a temp dir, then one
 * `node <lakip> check <dir> --format json > /dev/null`: wall time, files/s, CPU time
 * (user + sys) and peak RSS (/usr/bin/time -v when present, ps polling as well).
 *   node scripts/bench/batch.js <dir> <n> <file.xlsx> [file.xlsx ...]   -> JSON
 * Env: LAKIP_BIN=<path to bin/lakip.js> measures another build (scripts/bench/baseline.js
 * uses it for the baseline commit); default this tree's bin/lakip.js.
 */
const fs = require('fs');
const path = require('path');
const { spawn, execFileSync } = require('child_process');

const ROOT = path.resolve(__dirname, '..', '..');
const LAKIP = process.env.LAKIP_BIN ? path.resolve(process.env.LAKIP_BIN) : path.join(ROOT, 'bin', 'lakip.js');

async function main() {
  const [dir, nArg, ...sources] = process.argv.slice(2);
  const n = Number(nArg);
  if (!dir || !(n > 0) || sources.length === 0) throw new Error('usage: batch.js <dir> <n> <file.xlsx> ...');
  fs.mkdirSync(dir, { recursive: true });
  const width = String(n).length;
  for (let i = 0; i < n; i++) {
    const src = sources[i % sources.length];
    fs.copyFileSync(src, path.join(dir, `${String(i + 1).padStart(width, '0')}-${path.basename(src)}`));
  }
  const useTime = fs.existsSync('/usr/bin/time');
  const cmd = useTime ? '/usr/bin/time' : process.execPath;
  const args = [...(useTime ? ['-v', process.execPath] : []), LAKIP, 'check', dir, '--format', 'json'];
  const t = process.hrtime.bigint();
  const child = spawn(cmd, args, { stdio: ['ignore', fs.openSync('/dev/null', 'w'), 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d) => {
    stderr += d;
  });
  // Poll ps as well (the node process is the child of /usr/bin/time when that is used).
  let polled = 0;
  const poll = setInterval(() => {
    try {
      const pids = [child.pid];
      const kids = execFileSync('ps', ['-o', 'pid=', '--ppid', String(child.pid)], { encoding: 'utf8' }).trim();
      if (kids) pids.push(...kids.split(/\s+/));
      for (const p of pids) {
        const rss = Number(execFileSync('ps', ['-o', 'rss=', '-p', String(p)], { encoding: 'utf8' }).trim());
        if (rss > polled) polled = rss;
      }
    } catch {
      /* process gone */
    }
  }, 50);
  const code = await new Promise((res) => child.on('close', res));
  clearInterval(poll);
  const ms = Number(process.hrtime.bigint() - t) / 1e6;
  const m = /Maximum resident set size \(kbytes\): (\d+)/.exec(stderr);
  const user = /User time \(seconds\): ([\d.]+)/.exec(stderr);
  const sys = /System time \(seconds\): ([\d.]+)/.exec(stderr);
  const cpuMs = user && sys ? (Number(user[1]) + Number(sys[1])) * 1000 : undefined;
  const peakKB = m ? Number(m[1]) : polled;
  const summary = /Ringkasan[^\n]*|Summary[^\n]*/.exec(stderr);
  process.stdout.write(JSON.stringify({
    files: n,
    sources: sources.map((s) => path.basename(s)),
    lakip: LAKIP,
    ms,
    filesPerSec: n / (ms / 1000),
    cpuMs,
    cpuMsPerFile: cpuMs === undefined ? undefined : cpuMs / n,
    peakMB: peakKB / 1024,
    polledMB: polled / 1024,
    via: m ? '/usr/bin/time -v' : 'ps polling',
    exitCode: code,
    summary: summary ? summary[0] : undefined,
    stderrTail: m ? '' : stderr.slice(-500),
  }));
  fs.rmSync(dir, { recursive: true, force: true });
}
main().catch((e) => {
  console.error(e && e.stack ? e.stack : e);
  process.exit(1);
});
