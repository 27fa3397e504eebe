import fs from 'node:fs';
import path from 'node:path';
import { renderPermissionMatrix } from './permissionMatrix';

const DOC = path.resolve(__dirname, '../../../docs/permissions.md');

describe('docs/permissions.md', () => {
  it('is the matrix rendered from the role table', () => {
    const rendered = renderPermissionMatrix();
    if (process.env.UPDATE_PERMISSIONS_DOC) {
      fs.writeFileSync(DOC, rendered);
    }
    expect(fs.readFileSync(DOC, 'utf8')).toBe(rendered);
  });
});
