import { Content } from '@backstage/core-components';
import { DutyBoard } from './DutyBoard';

/** `/duty/board`: the wall display of the duty room, big type, refreshed every minute. */
export function BoardPage() {
  return (
    <Content>
      <DutyBoard big refreshSeconds={60} />
    </Content>
  );
}
