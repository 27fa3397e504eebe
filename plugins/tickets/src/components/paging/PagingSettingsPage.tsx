import { Content } from '@backstage/core-components';
import { PagingSettingsCard } from './PagingSettingsCard';

export function PagingSettingsPage() {
  return (
    <Content>
      <PagingSettingsCard />
    </Content>
  );
}
