import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DateTime } from 'luxon';
import { reportFigures } from '../__testUtils__/reportFigures';
import { DraftInput, draftFileName, renderDraft } from './draftDocument';

jest.setTimeout(120_000);

const DRAFTED_AT = DateTime.fromISO('2026-12-01T09:30:00+08:00', {
  setZone: true,
});

const weekly: DraftInput = {
  kind: 'weekly',
  period: { from: '2026-11-23', to: '2026-11-29' },
  figures: reportFigures(
    'week',
    { from: '2026-11-23', to: '2026-11-29' },
    { from: '2026-11-16', to: '2026-11-22' },
    { current: 37, previous: 29 },
  ),
  court: '示例市中级人民法院',
  contractor: '示例运维服务公司',
  draftedAt: DRAFTED_AT,
};

/** The text LibreOffice finds in a Word file, through a PDF as the court would print it. */
function textOf(docx: Buffer): string {
  const dir = mkdtempSync(join(tmpdir(), 'draft-'));
  try {
    writeFileSync(join(dir, 'draft.docx'), docx);
    execFileSync(
      'soffice',
      [
        `-env:UserInstallation=file://${dir}/lo-profile`,
        '--headless',
        '--convert-to',
        'pdf',
        '--outdir',
        dir,
        join(dir, 'draft.docx'),
      ],
      { stdio: 'ignore', timeout: 90_000 },
    );
    execFileSync('pdftotext', ['-layout', join(dir, 'draft.pdf')]);
    return readFileSync(join(dir, 'draft.txt'), 'utf8');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('DOC-3 drafts', () => {
  it('opens in LibreOffice with its Chinese headings, the period and its figures', async () => {
    const text = textOf(await renderDraft(weekly));
    // The title is long enough to wrap.
    expect(text.replace(/\s+/g, '')).toContain(
      '示例市中级人民法院信息系统运维服务周报',
    );
    expect(text).toContain('报告期间：2026-11-23 至 2026-11-29');
    for (const heading of ['一、主要指标', '二、重要事件', '四、下周计划']) {
      expect(text).toContain(heading);
    }
    // This week's and last week's totals, and SLA compliance: 36 of 37, 28 of 29.
    expect(text).toMatch(/服务请求与故障总数\s+37\s+29/);
    expect(text).toMatch(/SLA 达标率\s+97\.3%\s+96\.6%/);
  });

  it('plans ahead with the figures of the period before and nothing to compare them with', async () => {
    const plan: DraftInput = {
      ...weekly,
      kind: 'work-plan',
      period: { from: '2027-01-01', to: '2027-03-31' },
      figures: reportFigures(
        'custom',
        { from: '2026-10-03', to: '2026-12-31' },
        { from: '2026-07-05', to: '2026-10-02' },
        { current: 412, previous: 1 },
      ),
    };
    const text = textOf(await renderDraft(plan));
    expect(text).toContain('计划期间：2027-01-01 至 2027-03-31');
    expect(text).toContain('一、上期主要指标');
    expect(text).toContain('二、计划巡检');
    expect(text).toMatch(/服务请求与故障总数\s+412\s*\n/);
    expect(draftFileName(plan)).toBe('工作计划-2027-01-01至2027-03-31.docx');
  });

  it('gives the same bytes for the same input, whenever it runs', async () => {
    const first = await renderDraft(weekly);
    // The zip writer reads the machine's clock: two seconds later its stamps would differ.
    jest.useFakeTimers({
      now: new Date('2031-05-05T05:05:05Z'),
      doNotFake: ['setImmediate', 'nextTick', 'queueMicrotask'],
    });
    try {
      const later = await renderDraft(weekly);
      expect(later.equals(first)).toBe(true);
    } finally {
      jest.useRealTimers();
    }
    const otherFigures = await renderDraft({
      ...weekly,
      figures: reportFigures(
        'week',
        weekly.figures.current.period,
        weekly.figures.previous.period,
        { current: 38, previous: 29 },
      ),
    });
    expect(otherFigures.equals(first)).toBe(false);
  });
});
