import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse, stringify } from 'yaml';
import { openApiDocument } from './openapi';

const file = resolve(__dirname, '../openapi.yaml');

describe('openapi.yaml', () => {
  it('is the document the API serves (UPDATE_OPENAPI=1 rewrites it)', () => {
    const served = openApiDocument();
    if (process.env.UPDATE_OPENAPI) {
      writeFileSync(
        file,
        `# Generated from the request schemas by src/openapi.ts; do not edit.\n${stringify(
          served,
        )}`,
      );
    }
    expect(parse(readFileSync(file, 'utf8'))).toEqual(served);
  });

  it('names every field a new ticket takes, with its allowed values', () => {
    const body = openApiDocument().paths['/tickets'].post.requestBody.content[
      'application/json'
    ].schema as {
      properties: Record<string, { enum?: string[] }>;
      required: string[];
    };
    expect(body.properties.urgency.enum).toEqual(['high', 'medium', 'low']);
    expect(body.required).toEqual(
      expect.arrayContaining([
        'type',
        'title',
        'urgency',
        'impact',
        'entityRefs',
      ]),
    );
  });
});
