import fc from 'fast-check';
import { EngineerRecord, courtDate, mayBeAssigned } from './engineers';

const REF = 'user:default/liuyang';
const APPROVED: EngineerRecord = {
  userRef: REF,
  name: '刘洋',
  employer: '运维服务单位',
  posts: ['software-post'],
  qualifications: [],
  confidentialitySignedOn: '2026-01-05',
  approvedBy: 'user:default/wuxia',
  approvedAt: '2026-01-06T02:00:00.000Z',
  revision: 2,
  updatedAt: '2026-01-06T02:00:00.000Z',
  updatedBy: 'user:default/wuxia',
};

describe('mayBeAssigned', () => {
  it('assigns an approved engineer who signed the agreement', () => {
    expect(mayBeAssigned(REF, APPROVED, '2026-12-05')).toEqual({
      assignable: true,
    });
  });

  it('names each reason', () => {
    expect(mayBeAssigned(REF, undefined, '2026-12-05')).toMatchObject({
      reason: 'no-record',
      message: 'user:default/liuyang has no engineer record at the court',
    });
    expect(
      mayBeAssigned(
        REF,
        {
          ...APPROVED,
          suspendedAt: '2026-12-01T00:00:00.000Z',
          suspensionReason: '泄密调查',
        },
        '2026-12-05',
      ),
    ).toMatchObject({
      reason: 'suspended',
      message: 'user:default/liuyang is suspended (泄密调查)',
    });
    expect(
      mayBeAssigned(REF, { ...APPROVED, approvedAt: undefined }, '2026-12-05'),
    ).toMatchObject({ reason: 'not-approved' });
    expect(
      mayBeAssigned(
        REF,
        { ...APPROVED, confidentialitySignedOn: '2026-12-06' },
        '2026-12-05',
      ),
    ).toMatchObject({ reason: 'no-confidentiality-agreement' });
  });

  it('assigns only when every condition holds', () => {
    fc.assert(
      fc.property(
        fc.boolean(),
        fc.boolean(),
        fc.option(fc.constantFrom('2026-12-04', '2026-12-05', '2026-12-06')),
        (approved, suspended, signedOn) => {
          const record: EngineerRecord = {
            ...APPROVED,
            approvedAt: approved ? APPROVED.approvedAt : undefined,
            suspendedAt: suspended ? '2026-12-01T00:00:00.000Z' : undefined,
            confidentialitySignedOn: signedOn ?? undefined,
          };
          expect(mayBeAssigned(REF, record, '2026-12-05').assignable).toBe(
            approved &&
              !suspended &&
              signedOn !== null &&
              signedOn <= '2026-12-05',
          );
        },
      ),
    );
  });
});

describe('courtDate', () => {
  it('is the date in the court zone, on both sides of midnight', () => {
    expect(courtDate('2026-12-05T15:59:59Z', 'Asia/Shanghai')).toBe(
      '2026-12-05',
    );
    expect(courtDate('2026-12-05T16:00:00Z', 'Asia/Shanghai')).toBe(
      '2026-12-06',
    );
  });
});
