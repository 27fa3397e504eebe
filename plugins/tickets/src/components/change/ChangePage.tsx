import { Content } from '@backstage/core-components';
import { useRouteRefParams } from '@backstage/frontend-plugin-api';
import { changeRouteRef } from '../../routes';
import { ChangeView } from './ChangeView';

/** `/changes/:changeRef`, by number (CHG-2026-00001) or id. */
export function ChangePage() {
  const { changeRef } = useRouteRefParams(changeRouteRef);
  return (
    <Content>
      <ChangeView key={changeRef} changeRef={changeRef} />
    </Content>
  );
}
