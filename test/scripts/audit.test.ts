// eslint-disable-next-line @typescript-eslint/no-require-imports
const { judge } = require('../../scripts/audit.js') as { judge: (r: unknown) => { code: number; lines: string[] } };

describe('npm audit in CI (scripts/audit.js)', () => {
  it('fails on a high or critical advisory in what ships, naming it', () => {
    const r = judge({
      auditReportVersion: 2,
      vulnerabilities: {
        jszip: { name: 'jszip', severity: 'high', range: '<3.8.0', via: [{ title: 'Prototype pollution', url: 'https://github.com/advisories/GHSA-x' }], fixAvailable: true },
        ms: { name: 'ms', severity: 'moderate', range: '<2.0.0', via: ['debug'], fixAvailable: false },
      },
      metadata: { vulnerabilities: { info: 0, low: 0, moderate: 1, high: 1, critical: 0, total: 2 }, dependencies: { prod: 120 } },
    });
    expect(r.code).toBe(1);
    expect(r.lines[0]).toBe('npm audit --omit=dev: 0 critical, 1 high, 1 moderate, 0 low, 0 info (120 production dependencies)');
    expect(r.lines[1]).toContain('HIGH jszip <3.8.0: Prototype pollution');
    expect(r.lines.join('\n')).not.toContain('ms <2.0.0');
  });

  it('passes a clean report', () => {
    const r = judge({ auditReportVersion: 2, vulnerabilities: {}, metadata: { vulnerabilities: { info: 0, low: 1, moderate: 0, high: 0, critical: 0, total: 1 }, dependencies: { prod: 120 } } });
    expect(r).toEqual({ code: 0, lines: ['npm audit --omit=dev: 0 critical, 0 high, 0 moderate, 1 low, 0 info (120 production dependencies)'] });
  });

  it('says plainly that nothing was checked when the registry has no audit service', () => {
    const r = judge({ message: '405 Method Not Allowed - POST https://registry.npmjs.org/-/npm/v1/security/advisories/bulk', statusCode: 405, body: '' });
    expect(r.code).toBe(0);
    expect(r.lines[0]).toBe("AUDIT NOT RUN: the registry's audit service is unavailable (HTTP 405).");
  });
});
