import { defaultDutyConfig, dutyConfigSchema } from './config';

describe('the duty config', () => {
  it("defaults to the contract's hours, posts and rules", () => {
    const config = defaultDutyConfig();
    expect(config.onSite).toEqual({ start: '07:30', end: '18:30', perPost: 2 });
    expect(config.phone).toEqual({ start: '18:30', end: '07:30' });
    expect(config.posts.map(p => [p.id, p.sharedWith])).toEqual([
      ['desk', ['hardware']],
      ['hardware', []],
      ['software', []],
    ]);
    expect(config.restHoursAfterPhone).toBe(11);
  });

  it('names the key of a post that does not exist and of hours that leave a gap', () => {
    const result = dutyConfigSchema.safeParse({
      engineers: [{ ref: 'user:default/lina', posts: ['network'] }],
      phone: { start: '19:00' },
    });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map(i => i.path.join('.')).sort()).toEqual([
      'engineers.0.posts.0',
      'phone',
    ]);
  });
});
