import { ConfigReader } from '@backstage/config';
import { DEFAULT_SYNONYMS } from '@internal/plugin-kb-common';
import { readKbConfig } from './config';

describe('kb configuration', () => {
  it('takes the court’s synonym table unless one is given, and names a bad group', () => {
    expect(readKbConfig(new ConfigReader({})).search.synonyms).toEqual(
      DEFAULT_SYNONYMS.map(group => [...group]),
    );
    const given = [['故障', '坏了']];
    expect(
      readKbConfig(new ConfigReader({ kb: { search: { synonyms: given } } })).search.synonyms,
    ).toEqual(given);
    expect(() =>
      readKbConfig(new ConfigReader({ kb: { search: { synonyms: [['故障']] } } })),
    ).toThrow('Invalid configuration at kb.search.synonyms.0');
  });
});
