// The build's "now", computed once per build (from SOURCE_DATE_EPOCH when
// set) so every page, export and age in one build agrees to the second.
import { buildDate } from '../lib/dates.ts';

export const BUILD_NOW: Date = buildDate();
