import { pagingConfigSchema, personalSettingsSchema } from './config';

/** The issues zod reports, as `path: message` (what readConfigAt prints after the section's key). */
function refusal(value: unknown): string {
  const result = pagingConfigSchema.safeParse(value);
  if (result.success) return 'accepted';
  return result.error.issues
    .map(issue => `${issue.path.join('.')}: ${issue.message}`)
    .join('; ');
}

describe('paging config', () => {
  it('is disabled and harmless when absent', () => {
    const config = pagingConfigSchema.parse({});
    expect(config.enabled).toBe(false);
    expect(config.channels).toEqual({});
    expect(config.zone).toBe('Asia/Shanghai');
    expect(config.escalationMinutes).toEqual({
      L1: 10,
      L2: 15,
      L3: 30,
      L4: 60,
    });
  });

  it('refuses an unknown channel, naming it', () => {
    expect(
      refusal({ channels: { telegram: { url: 'https://t.me/x' } } }),
    ).toMatch(/^channels: .*telegram/);
  });

  it('refuses a robot URL that is not https, naming the key', () => {
    expect(
      refusal({
        channels: {
          wecomRobot: {
            url: 'http://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=k',
          },
        },
      }),
    ).toBe('channels.wecomRobot.url: must be an https URL');
    expect(
      refusal({
        channels: {
          dingtalkRobot: {
            url: 'ftp://oapi.dingtalk.com/robot/send',
            secret: 's',
          },
        },
      }),
    ).toBe('channels.dingtalkRobot.url: must be an https URL');
    expect(
      refusal({
        channels: {
          dingtalkRobot: {
            url: 'https://oapi.dingtalk.com/robot/send?access_token=t',
            secret: 's',
          },
        },
      }),
    ).toBe('accepted');
  });

  it('refuses an SMS template without the message placeholder, naming the key', () => {
    expect(
      refusal({
        channels: {
          sms: {
            url: 'http://10.1.1.5/send',
            body: '{"to":"{{mobile}}","text":"hi"}',
          },
        },
      }),
    ).toBe('channels.sms.body: must contain the {{message}} placeholder');
  });

  it('refuses paging enabled with no channel at all', () => {
    expect(refusal({ enabled: true })).toBe(
      'channels: paging is enabled but no channel is configured',
    );
  });

  it('refuses an unknown event kind in a rule and a bad time of day', () => {
    expect(refusal({ rules: [{ events: ['coffee'] }] })).toMatch(
      /^rules\.0\.events\.0: /,
    );
    expect(refusal({ onSiteHours: { start: '8:30', end: '18:00' } })).toBe(
      'onSiteHours.start: is not a time of day (HH:mm)',
    );
  });

  it('fills an e-mail channel with its defaults', () => {
    expect(
      pagingConfigSchema.parse({
        channels: {
          email: { host: 'smtp.court.local', from: '运维 <ops@court.local>' },
        },
      }).channels.email,
    ).toEqual({
      host: 'smtp.court.local',
      port: 25,
      secure: false,
      from: '运维 <ops@court.local>',
    });
  });
});

describe('personal settings', () => {
  it('refuses a channel listed twice and an unknown one', () => {
    expect(
      personalSettingsSchema.safeParse({ channels: ['sms', 'sms'] }).success,
    ).toBe(false);
    expect(
      personalSettingsSchema.safeParse({ channels: ['pager'] }).success,
    ).toBe(false);
    expect(
      personalSettingsSchema.parse({
        channels: ['sms'],
        quietHours: { start: '22:00', end: '07:00' },
      }),
    ).toEqual({
      channels: ['sms'],
      quietHours: { start: '22:00', end: '07:00' },
    });
  });
});
