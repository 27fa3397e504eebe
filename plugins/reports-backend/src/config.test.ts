import { ConfigReader } from '@backstage/config';
import { readReportsConfig } from './config';

describe('readReportsConfig', () => {
  it('takes the court from organization.name and the ops managers from the roles by default', () => {
    const config = readReportsConfig(
      new ConfigReader({
        organization: { name: '云溪市中级人民法院' },
        courtOps: { roles: { 'ops-manager': ['group:default/ops-managers'] } },
      }),
    );
    expect(config).toMatchObject({
      zone: 'Asia/Shanghai',
      court: { name: '云溪市中级人民法院', contractor: '运维服务商' },
      drafts: { enabled: true, notify: ['group:default/ops-managers'] },
    });
  });

  it('stops the start naming a bad key', () => {
    expect(() =>
      readReportsConfig(new ConfigReader({ reports: { zone: 'Mars/Olympus' } })),
    ).toThrow(/^Invalid configuration at reports\.zone: is not a known time zone/);
    expect(() =>
      readReportsConfig(
        new ConfigReader({ reports: { drafts: { enabled: 'yes' } } }),
      ),
    ).toThrow(/^Invalid configuration at reports\.drafts\.enabled: /);
  });
});
