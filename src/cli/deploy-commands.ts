/**
 * `npm run deploy-commands [-- --force]`; on a production install (no tsx):
 * `node dist/cli/deploy-commands.js [--force]`. Everything happens in src/ops/deploy.ts.
 */
import { deployCommands } from '../ops/deploy.js';

process.exitCode = await deployCommands(process.argv.slice(2));
