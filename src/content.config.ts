// One collection: content/assessments/<slug>.mdx, read by our own loader
// (src/site/assessments-loader.ts), which renders each body to HTML as data.
// The schema is defined in src/schema so scripts and tests share it; here
// `related` becomes a real reference to another entry of the same collection.
import { defineCollection, reference } from 'astro:content';
import { createAssessmentSchema } from './schema/assessment.ts';
import { assessmentsLoader } from './site/assessments-loader.ts';

const assessments = defineCollection({
  // Same directory the content gate lints (POSTURE_CONTENT_DIR for benchmarks).
  loader: assessmentsLoader({ dir: process.env.POSTURE_CONTENT_DIR ?? './content/assessments' }),
  schema: createAssessmentSchema(reference('assessments')),
});

export const collections = { assessments };
