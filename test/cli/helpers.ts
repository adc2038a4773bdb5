import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { run, type CliIO } from '../../src/cli/main';

export const ROOT = path.resolve(__dirname, '..', '..');
export const EXAMPLES_DIR = path.join(ROOT, 'examples');
export const EXAMPLES = fs
  .readdirSync(EXAMPLES_DIR)
  .filter((f) => f.endsWith('.xlsx'))
  .sort()
  .map((f) => path.join(EXAMPLES_DIR, f));
export const NTT = path.join(EXAMPLES_DIR, 'dinsos-ntt-2021.xlsx');
export const FLOTIM = path.join(EXAMPLES_DIR, 'dinsos-flotim-2020.xlsx');

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

export interface RunOpts {
  isTTY?: CliIO['isTTY'];
  env?: Record<string, string | undefined>;
  columns?: number;
}

/** Runs the CLI in-process with captured output. */
export async function lakip(args: string[], opts: RunOpts = {}): Promise<RunResult> {
  let stdout = '';
  let stderr = '';
  const code = await run(args, {
    stdout: { write: (s: string) => ((stdout += s), true) },
    stderr: { write: (s: string) => ((stderr += s), true) },
    isTTY: opts.isTTY ?? false,
    env: opts.env ?? {},
    columns: opts.columns,
  });
  return { code, stdout, stderr };
}

export function tmpDir(prefix = 'lakip-cli-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

export function rmDir(dir: string): void {
  fs.rmSync(dir, { recursive: true, force: true });
}

// eslint-disable-next-line no-control-regex
export const ANSI = /\x1b\[[0-9;]*[A-Za-z]/;
