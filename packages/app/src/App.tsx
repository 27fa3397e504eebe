import { createApp } from '@backstage/frontend-defaults';
import catalogPlugin from '@backstage/plugin-catalog/alpha';
import { courtAppModule } from './modules/court';
import { homeModule } from './modules/home';
import { navModule } from './modules/nav';

// Plugins listed in packages/app/package.json are discovered (app.packages: all); modules that
// customise other plugins are listed here.
export default createApp({
  features: [catalogPlugin, navModule, homeModule, courtAppModule],
});
