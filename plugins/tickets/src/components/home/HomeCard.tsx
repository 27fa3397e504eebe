import { Link } from '@backstage/core-components';
import Typography from '@material-ui/core/Typography';
import type { ReactNode } from 'react';

/** The frame of the family's home cards: a title, the list, and a link to where the rest is. */
export function HomeCard(props: {
  testId: string;
  title: string;
  more?: { to: string | undefined; label: string };
  children: ReactNode;
}) {
  const { testId, title, more, children } = props;
  return (
    <div data-testid={testId}>
      <Typography variant="h6" gutterBottom>
        {title}
      </Typography>
      {children}
      {more?.to && (
        <Typography variant="body2" style={{ marginTop: 8 }}>
          <Link to={more.to}>{more.label}</Link>
        </Typography>
      )}
    </div>
  );
}
