import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { CODEBOOK, codebookRows } from './codebook';

describe('the codebook', () => {
  it.each(Object.entries(CODEBOOK))('names every column of %s once, in Danish and English, with its values and computation', (_dataset, variables) => {
    const names = variables.map((x) => x.name);
    expect(names.filter((name, i) => names.indexOf(name) !== i)).toEqual([]);
    for (const x of variables) {
      expect([x.name, x.da.trim() !== '', x.en.trim() !== '', x.values.trim() !== '', x.computation.trim() !== '']).toEqual([x.name, true, true, true, true]);
    }
  });

  it('keeps the enrolment’s end and the end-of-treatment interview apart (the CSV had end_month twice)', () => {
    const names = CODEBOOK.enrolments.map((x) => x.name);
    expect(names.filter((n) => n.startsWith('end_'))).toEqual([
      'end_quarter',
      'end_assessment_quarter',
      'end_medical',
      'end_employment',
      'end_alcohol',
      'end_drug',
      'end_legal',
      'end_family',
      'end_psychiatric',
      'end_drug_free',
    ]);
  });

  it('says how the composites are rounded, and names its sources: the publication, and the project’s own docs, never a file outside the project', () => {
    const rows = codebookRows({ k: 5 }) as string[][];
    const medical = rows.find((r) => r[0] === 'assessments' && r[1] === 'medical');
    expect(medical?.[5]).toBe('0-1 (money terms may exceed), 3 decimals');
    expect(medical?.[6]).toContain('Rounded to 3 decimals (half away from zero)');
    expect(medical?.[6]).toContain('McGahan, Griffith, Parente & McLellan');
    expect(rows.find((r) => r[1] === 'asi-composites')?.[6]).toContain('rounded to 3 decimals');
    expect(rows.filter((r) => r.some((cell) => /\.\.\//.test(cell)))).toEqual([]);
    expect(medical?.[6]).toContain('docs/asi-scoring.md');
    expect(rows.find((r) => r[1] === 'local-suppression')?.[6]).toContain('docs/disclosure-exports.md');
    // Every document the codebook names is in the repository.
    const named = [...new Set(rows.flatMap((r) => r.flatMap((cell) => cell.match(/docs\/[\w-]+\.md/g) ?? [])))];
    expect(named.filter((doc) => !existsSync(join(__dirname, '../../../..', doc)))).toEqual([]);
    expect(named.length).toBeGreaterThanOrEqual(2);
  });
});
