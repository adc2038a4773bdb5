import { readFileSync } from 'fs';
import { join } from 'path';
import { parseScaleSpec } from '../../src/core/iku/scaleSpec';
import { PreviewHost } from '../../src/preview/PreviewHost';
import { SAMPLES } from '../../src/preview/samples';

describe('bundled samples', () => {
  it.each(SAMPLES.map((s) => [s.id, s]))('%s carries its report\'s own predikat scale, written out and valid', (_id, s) => {
    expect('scale' in parseScaleSpec(s.scale)).toBe(true);
  });

  it('opening a sample sets the scale it carries; another file starts without one', async () => {
    const host = new PreviewHost({ lang: 'id', theme: 'light' });
    const bytes = new Uint8Array(readFileSync(join(__dirname, '../../examples', SAMPLES[0].file)));
    await host.openBuffer(bytes, SAMPLES[0].file, { scale: SAMPLES[0].scale });
    expect((await host.loadSettings()).scale).toBe(SAMPLES[0].scale);
    await host.openBuffer(bytes, 'milik-kantor.xlsx');
    expect((await host.loadSettings()).scale).toBe('');
  });
});
