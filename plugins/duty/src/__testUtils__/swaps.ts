import type { Swap } from '@internal/plugin-duty-common';
import { rosterOf, shiftOf } from './testData';

/** The court's "now" in these tests: 2027-01-02 08:00 Beijing time. */
export const NOW = '2027-01-02T00:00:00.000Z';
export const MONTH = '2027-01';

const LINA = 'user:default/lina';
const LIUYANG = 'user:default/liuyang';

/** 李娜's shifts: one that has started (the 2nd), one to come (the 5th). */
export const linaShifts = [
  shiftOf({
    id: '2027-01-02.on-site.desk.1',
    date: '2027-01-02',
    kind: 'on-site',
    post: 'desk',
    engineer: LINA,
  }),
  {
    ...shiftOf({
      id: '2027-01-05.on-site.desk.1',
      date: '2027-01-05',
      kind: 'on-site',
      post: 'desk',
      engineer: LINA,
    }),
    startsAt: '2027-01-04T23:30:00.000Z',
  },
];

/** 刘洋's night on the phone on the 6th, which 李娜 may take in return. */
export const liuyangNight = {
  ...shiftOf({
    id: '2027-01-06.phone',
    date: '2027-01-06',
    kind: 'phone',
    engineer: LIUYANG,
  }),
  startsAt: '2027-01-06T10:30:00.000Z',
};

export const roster = rosterOf({
  month: MONTH,
  shifts: [...linaShifts, liuyangNight],
});

/** 李娜 hands the 5th's desk shift to 刘洋 and takes his night of the 6th. */
export const requested: Swap = {
  id: 'w1',
  shiftId: '2027-01-05.on-site.desk.1',
  fromEngineer: LINA,
  toEngineer: LIUYANG,
  returnShiftId: '2027-01-06.phone',
  note: '5日家中有事',
  status: 'requested',
  requestedAt: '2027-01-01T02:00:00.000Z',
};
