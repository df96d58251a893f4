/** `npm run bench`: runs every benchmark and prints one line per measurement. */

import { runParseBench } from './parseBench';

runParseBench();
