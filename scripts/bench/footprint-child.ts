/** Child process of section 5: measures the footprint from a fresh start and prints it as JSON. */
import { FootprintDefaults, measureFootprint, type FootprintParams } from './footprint.js';

const params = { ...FootprintDefaults, ...(JSON.parse(process.argv[2] ?? '{}') as Partial<FootprintParams>) };
measureFootprint(params, true).then(
  (result) => {
    process.stdout.write(`${JSON.stringify(result)}\n`);
    process.exit(0);
  },
  (error: unknown) => {
    process.stderr.write(`${String(error)}\n`);
    process.exit(1);
  },
);
