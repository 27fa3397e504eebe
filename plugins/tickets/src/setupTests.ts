import '@testing-library/jest-dom';
import { configure } from '@testing-library/react';
import { AS_OF } from './__testUtils__/fixtures';

// Pages load lazily and CI machines are busy: wait up to 10 s for what a test looks for.
configure({ asyncUtilTimeout: 10_000 });
jest.setTimeout(30_000);

// Every test stands at one named instant, ticking on from there (timers run as
// usual), whatever the machine's clock says.
beforeEach(() => {
  jest.useFakeTimers({ now: AS_OF, advanceTimers: true });
});
afterEach(() => {
  jest.useRealTimers();
});
