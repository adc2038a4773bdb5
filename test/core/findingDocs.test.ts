import * as fs from 'fs';
import * as path from 'path';
import { TABLE_CHECKS, WORKBOOK_CHECKS } from '../../src/core/checks/registry';
import { renderFindingDocs } from '../../src/core/findingDocs';
import { FINDING_CODES } from '../../src/core/findings';
import { FINDING_INFO } from '../../src/core/findingInfo';

describe('finding codes documentation', () => {
  it('every code has a meaning in both languages and a check that reports it', () => {
    for (const code of FINDING_CODES) {
      expect(FINDING_INFO[code].id.length).toBeGreaterThan(20);
      expect(FINDING_INFO[code].en.length).toBeGreaterThan(20);
      if (code !== 'not-checked') expect([...TABLE_CHECKS, ...WORKBOOK_CHECKS].some((c) => c.codes.includes(code))).toBe(true);
    }
  });

  it('check ids are unique', () => {
    const ids = [...TABLE_CHECKS, ...WORKBOOK_CHECKS].map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('docs/findings.md is current (npm run docs:findings)', () => {
    expect(fs.readFileSync(path.join(__dirname, '..', '..', 'docs', 'findings.md'), 'utf8')).toBe(renderFindingDocs());
  });
});
