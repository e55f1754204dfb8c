import { parseArgs } from 'node:util';
import { runPreview } from './preview/run.js';

/**
 * `npm run preview [-- --pluralkit-url URL --pk-token TOKEN] [--transcript FILE] [--images DIR]`: the real bot against
 * built-in stand-ins of Discord (and PluralKit, unless a URL is given), printed as readable text.
 */
const { values } = parseArgs({
  options: {
    'pluralkit-url': { type: 'string' },
    'pk-token': { type: 'string' },
    transcript: { type: 'string' },
    images: { type: 'string' },
  },
});

runPreview({
  pluralkitUrl: values['pluralkit-url'],
  pkToken: values['pk-token'],
  transcript: values.transcript,
  images: values.images,
}).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error('The preview failed:', error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
