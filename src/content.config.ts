// One collection: content/assessments/<slug>.mdx. The schema is defined in
// src/schema so scripts and tests share it; here `related` becomes a real
// reference to another entry of the same collection.
import { defineCollection, reference } from 'astro:content';
import { glob } from 'astro/loaders';
import { createAssessmentSchema } from './schema/assessment.ts';
import { slugProblem, toSlug } from './schema/slug.ts';

const assessments = defineCollection({
  loader: glob({
    // Same directory the content gate lints (POSTURE_CONTENT_DIR for benchmarks).
    base: process.env.POSTURE_CONTENT_DIR ?? './content/assessments',
    pattern: '[^_.]*.mdx',
    // The file name is the URL: keep it verbatim instead of Astro's slugified id.
    generateId: ({ entry }) => {
      const id = entry.replace(/\.mdx$/, '');
      const problem = slugProblem(id);
      if (problem) {
        throw new Error(`content/assessments/${entry}: ${problem} (rename it, e.g. to ${toSlug(id) || 'project-name'}.mdx)`);
      }
      return id;
    },
  }),
  schema: createAssessmentSchema(reference('assessments')),
});

export const collections = { assessments };
