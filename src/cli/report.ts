/**
 * `npm run report -- bot.log [more.log …] [--top N] [--json]`; on a production install (no tsx):
 * `node dist/cli/report.js bot.log`. Everything happens in src/ops/report-cli.ts.
 */
import { runReport } from '../ops/report-cli.js';

process.exitCode = await runReport(process.argv.slice(2));
