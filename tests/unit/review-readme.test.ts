import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CSV_COLUMNS } from '../../utils/export/checkin-csv';

const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
const section = readme.slice(readme.indexOf('## Backup, export and deletion'), readme.indexOf('## Architecture'));

describe('README export formats', () => {
  it('documents every CSV column and no column the CSV does not have', () => {
    const documented = [...section.matchAll(/^\s*\| ((?:`[^`]+`(?:, )?)+) \|/gm)].flatMap((row) => [...(row[1] ?? '').matchAll(/`([^`]+)`/g)].map((name) => name[1]));
    const fixed = documented.filter((name) => name !== undefined && !name.includes('<'));
    expect(new Set(fixed)).toEqual(new Set(CSV_COLUMNS));
    expect(documented).toContain('client.<item>');
  });
});
