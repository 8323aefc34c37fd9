import { chromiumProject } from '../../vitest.browser.shared.js';

export default chromiumProject('settings-browser');
