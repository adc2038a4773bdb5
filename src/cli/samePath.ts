import * as fs from 'fs';
import * as path from 'path';

/** The real path of a file, or its absolute path when it does not exist (yet). */
function resolved(file: string): string {
  const abs = path.resolve(file);
  try {
    return fs.realpathSync.native(abs);
  } catch {
    // Not there yet: resolve its folder, so 'link-to-dir/x.xlsx' still compares right.
    try {
      return path.join(fs.realpathSync.native(path.dirname(abs)), path.basename(abs));
    } catch {
      return abs;
    }
  }
}

/** Whether two paths name one file: same real path (case-blind where the file system is), or the same file by hard link. */
export function samePath(a: string, b: string): boolean {
  const ra = resolved(a);
  const rb = resolved(b);
  if (process.platform === 'win32' || process.platform === 'darwin' ? ra.toLowerCase() === rb.toLowerCase() : ra === rb) return true;
  try {
    const sa = fs.statSync(ra);
    const sb = fs.statSync(rb);
    return sa.ino !== 0 && sa.dev === sb.dev && sa.ino === sb.ino;
  } catch {
    return false;
  }
}
