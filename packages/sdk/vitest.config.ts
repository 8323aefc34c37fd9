import { packageProject } from '../../vitest.package.shared.js';

export default packageProject('sdk', {
  // The facade's type tests (`*.test-d.ts`): every listed function's signature against its module's.
  typecheck: { enabled: true, include: ['test/**/*.test-d.ts'], tsconfig: './tsconfig.typecheck.json' },
});
