#!/usr/bin/env node
// Prints the instant the CI runs the suite at a second time: 03:00 Beijing time on the first
// weekday off inside the Spring Festival holiday of the last year the official calendar data
// covers (the chinese-days package the SLA engine's calendars are built from). Night, a public
// holiday that falls on a weekday, and the edge of the data's years: where clock bugs show.
import { createRequire } from 'node:module';

const require = createRequire(
  new URL('../plugins/sla-common/package.json', import.meta.url),
);
const { holidays } = require('chinese-days/dist/chinese-days.json');

const springFestival = Object.keys(holidays)
  .filter(date => holidays[date].startsWith('Spring Festival,'))
  .sort();
if (springFestival.length === 0) {
  throw new Error('chinese-days has no Spring Festival holidays');
}
const lastYear = springFestival.at(-1).slice(0, 4);
const day = springFestival.find(date => {
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
  return date.startsWith(lastYear) && weekday >= 1 && weekday <= 5;
});
console.log(`${day}T03:00:00+08:00`);
