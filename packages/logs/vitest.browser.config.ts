import { chromiumProject } from '../../vitest.browser.shared.js';

export default chromiumProject('logs', { globalSetup: ['test/browser/global-setup.ts'] });
