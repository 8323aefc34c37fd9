// Injected into the official SDK's browser bundles: the Node globals its dependencies read
// (`process`, `Buffer`), as a bundler's Node polyfill plugin provides them ('buffer' and 'process'
// resolve to the polyfill packages through the bundle's alias table). esbuild only keeps
// what the bundled code actually references.
import { Buffer } from 'buffer';
import process from 'process';

export { Buffer, process };
