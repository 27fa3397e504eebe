import { useTranslationRef } from '@backstage/frontend-plugin-api';
import type { RosterProblem } from '@internal/plugin-duty-common';
import Alert from '@material-ui/lab/Alert';
import { dutyTranslationRef } from '../../translation';

/** What the rule check says about the roster, in words. */
export function ProblemList(props: {
  problems: readonly RosterProblem[];
  postName: (id: string) => string;
  engineerName: (ref: string) => string;
}) {
  const { t } = useTranslationRef(dutyTranslationRef);
  if (props.problems.length === 0) {
    return (
      <Alert severity="success" data-testid="roster-problems">
        {t('problems.none')}
      </Alert>
    );
  }
  const describe = (problem: RosterProblem): string => {
    switch (problem.rule) {
      case 'coverage':
        return t('problem.coverage', {
          date: problem.date,
          post: props.postName(problem.post),
          have: String(problem.have),
          needed: String(problem.needed),
        });
      case 'phone':
        return t('problem.phone', {
          date: problem.date,
          have: String(problem.have),
        });
      case 'vacant':
        return t('problem.vacant', { date: problem.date });
      default:
        return t(`problem.${problem.rule}`, {
          engineer: props.engineerName(problem.engineer),
        });
    }
  };
  return (
    <Alert severity="warning" data-testid="roster-problems">
      {t('problems.title', { count: props.problems.length })}
      <ul style={{ margin: 0, paddingLeft: 20 }}>
        {props.problems.map((problem, i) => (
          <li key={i} data-testid={`problem-${problem.rule}`}>
            {describe(problem)}
          </li>
        ))}
      </ul>
    </Alert>
  );
}
