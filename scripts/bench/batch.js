'use strict';
/**
 * Batch CLI: N copies of the two samples, alternately, in a temp dir;
 * `node bin/lakip.js check <dir> --format json > /dev/null`, wall time and peak RSS.
 *   node scripts/bench/batch.js <dir> [n=500]  -> JSON
 */
const fs = require('fs');
const path = require('path');
const { spawn } = require('child_process');

const ROOT = path.resolve(__dirname, '..', '..');
const SAMPLES = ['dinsos-ntt-2021.xlsx', 'dinsos-flotim-2020.xlsx'].map((f) => path.join(ROOT, 'examples', f));

async function main() {
  const dir = process.argv[2];
  const n = Number(process.argv[3] || 500);
  fs.mkdirSync(dir, { recursive: true });
  for (let i = 0; i < n; i++) fs.copyFileSync(SAMPLES[i % 2], path.join(dir, `${String(i + 1).padStart(3, '0')}-${path.basename(SAMPLES[i % 2])}`));
  const useTime = fs.existsSync('/usr/bin/time');
  const cmd = useTime ? '/usr/bin/time' : process.execPath;
  const args = [...(useTime ? ['-v', process.execPath] : []), path.join(ROOT, 'bin', 'lakip.js'), 'check', dir, '--format', 'json'];
  const t = Date.now();
  const child = spawn(cmd, args, { stdio: ['ignore', fs.openSync('/dev/null', 'w'), 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d) => { stderr += d; });
  // Poll ps as well (the node process is the child of /usr/bin/time when that is used).
  let polled = 0;
  const poll = setInterval(() => {
    try {
      const pids = [child.pid];
      const kids = require('child_process').execFileSync('ps', ['-o', 'pid=', '--ppid', String(child.pid)], { encoding: 'utf8' }).trim();
      if (kids) pids.push(...kids.split(/\s+/));
      for (const p of pids) {
        const rss = Number(require('child_process').execFileSync('ps', ['-o', 'rss=', '-p', String(p)], { encoding: 'utf8' }).trim());
        if (rss > polled) polled = rss;
      }
    } catch { /* process gone */ }
  }, 50);
  const code = await new Promise((res) => child.on('close', res));
  clearInterval(poll);
  const ms = Date.now() - t;
  const m = /Maximum resident set size \(kbytes\): (\d+)/.exec(stderr);
  const peakKB = m ? Number(m[1]) : polled;
  process.stdout.write(JSON.stringify({ files: n, ms, filesPerSec: n / (ms / 1000), peakMB: peakKB / 1024, polledMB: polled / 1024, via: m ? '/usr/bin/time -v' : 'ps polling', exitCode: code, stderrTail: m ? '' : stderr.slice(-500) }));
  fs.rmSync(dir, { recursive: true, force: true });
}
main().catch((e) => { console.error(e && e.stack ? e.stack : e); process.exit(1); });
