#!/usr/bin/env node
// Runs api-extractor once per public entry point of the package in the current directory,
// reading the entry points from package.json `exports`, so that a package with many subpaths
// (models) needs no hand-written config per subpath.
//   node ../../scripts/api-report.mjs          check: fails when a report is out of date
//   node ../../scripts/api-report.mjs --local  write or refresh the reports in etc/
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(path.join(process.cwd(), 'package.json'));
const { Extractor, ExtractorConfig } = require('@microsoft/api-extractor');

const localBuild = process.argv.includes('--local');
const projectFolder = process.cwd();
const packageJsonFullPath = path.join(projectFolder, 'package.json');
const pkg = JSON.parse(fs.readFileSync(packageJsonFullPath, 'utf8'));
const base = JSON.parse(fs.readFileSync(path.join(import.meta.dirname, '..', 'api-extractor.base.json'), 'utf8'));
const unscoped = pkg.name.replace(/^@[^/]+\//, '');

let failed = 0;
for (const [key, target] of Object.entries(pkg.exports ?? {})) {
  if (typeof target !== 'object' || !target.types) continue;
  const sub = key === '.' ? '' : key.slice(2);
  const reportName = sub ? `${unscoped}-${sub.replaceAll('/', '-')}` : unscoped;
  const configObject = {
    ...base,
    projectFolder,
    mainEntryPointFilePath: path.join(projectFolder, target.types),
    compiler: { tsconfigFilePath: path.join(projectFolder, 'tsconfig.json') },
    apiReport: {
      enabled: true,
      reportFileName: reportName,
      reportFolder: path.join(projectFolder, 'etc'),
      reportTempFolder: path.join(projectFolder, 'temp'),
    },
    dtsRollup: { enabled: true, untrimmedFilePath: path.join(projectFolder, 'dist', 'rollup', `${reportName}.d.ts`) },
  };
  delete configObject.$schema;
  const config = ExtractorConfig.prepare({
    configObject,
    configObjectFullPath: path.join(projectFolder, 'api-extractor.json'),
    packageJsonFullPath,
  });
  const result = Extractor.invoke(config, { localBuild, showVerboseMessages: false });
  if (!result.succeeded) {
    failed++;
    console.error(
      `api-extractor: ${pkg.name}${sub ? `/${sub}` : ''}: ${result.errorCount} errors, ${result.warningCount} warnings` +
        (result.apiReportChanged ? ' (the API report changed: run `pnpm api:update` and commit etc/)' : ''),
    );
  }
}
process.exit(failed ? 1 : 0);
