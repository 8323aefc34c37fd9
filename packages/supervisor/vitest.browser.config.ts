import { chromiumProject } from '../../vitest.browser.shared.js';

export default chromiumProject('supervisor', { globalSetup: ['test/browser/global-setup.ts'] });
