import { useTranslationRef } from '@backstage/frontend-plugin-api';
import {
  PreviewDayKind,
  yearPreview,
  YearSchedule,
} from '@internal/plugin-calendar-common';
import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import { useMemo } from 'react';
import { calendarTranslationRef } from '../translation';

const COLOURS: Record<PreviewDayKind, { background: string; color: string }> = {
  holiday: { background: '#c62828', color: '#fff' },
  'make-up-working-day': { background: '#1565c0', color: '#fff' },
  weekend: { background: '#eeeeee', color: '#757575' },
  'working-day': { background: 'transparent', color: 'inherit' },
};

const cell = {
  width: 26,
  height: 22,
  textAlign: 'center' as const,
  fontSize: 12,
};

/** The year as twelve month grids: holidays red, make-up working days blue. */
export function YearPreviewGrid({ schedule }: { schedule: YearSchedule }) {
  const { t } = useTranslationRef(calendarTranslationRef);
  const preview = useMemo(() => yearPreview(schedule), [schedule]);
  const weekdays = t('preview.weekdays').split(',');
  const legend: Array<[PreviewDayKind, string]> = [
    ['holiday', t('preview.holiday')],
    ['make-up-working-day', t('preview.makeUp')],
    ['weekend', t('preview.weekend')],
    ['working-day', t('preview.workingDay')],
  ];
  return (
    <div data-testid="year-preview">
      <Typography variant="body2" paragraph>
        {t('preview.summary', {
          workingDays: String(preview.workingDays),
          holidays: String(preview.holidays),
        })}
        {' · '}
        {legend.map(([kind, label]) => (
          <span
            key={kind}
            style={{
              ...COLOURS[kind],
              padding: '0 6px',
              marginRight: 6,
              border: '1px solid #ddd',
            }}
          >
            {label}
          </span>
        ))}
      </Typography>
      <Grid container spacing={2}>
        {preview.months.map(month => (
          <Grid item key={month.month} xs={12} sm={6} md={4} lg={3}>
            <Typography variant="subtitle2">
              {t('preview.month', { month: String(month.month) })}
              {' · '}
              {t('preview.monthWorkingDays', { count: month.workingDays })}
            </Typography>
            <table style={{ borderCollapse: 'collapse' }}>
              <thead>
                <tr>
                  {weekdays.map(day => (
                    <th key={day} style={cell}>
                      {day}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {month.weeks.map((week, w) => (
                  <tr key={w}>
                    {week.map((day, d) =>
                      day ? (
                        <td
                          key={d}
                          title={
                            day.name ? `${day.date} ${day.name}` : day.date
                          }
                          data-kind={day.kind}
                          data-date={day.date}
                          style={{ ...cell, ...COLOURS[day.kind] }}
                        >
                          {day.day}
                        </td>
                      ) : (
                        <td key={d} style={cell} />
                      ),
                    )}
                  </tr>
                ))}
              </tbody>
            </table>
          </Grid>
        ))}
      </Grid>
    </div>
  );
}
