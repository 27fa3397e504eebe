import '@testing-library/jest-dom';
import { configure } from '@testing-library/react';

// Pages load lazily and CI machines are busy: wait up to 10 s for what a test looks for.
configure({ asyncUtilTimeout: 10_000 });
jest.setTimeout(30_000);
