import { packageProject } from '../../vitest.package.shared.js';

export default packageProject('supervisor');
