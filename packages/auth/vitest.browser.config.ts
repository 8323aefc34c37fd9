import { chromiumProject } from '../../vitest.browser.shared.js';

export default chromiumProject('auth', { globalSetup: ['test/browser/global-setup.ts'] });
