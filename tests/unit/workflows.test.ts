// The GitHub workflows: CI runs exactly what `.ci/run` runs, and a deployment
// publishes only a commit that passed it.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const workflow = (name: string) =>
  parse(readFileSync(resolve(import.meta.dirname, '../../.github/workflows', name), 'utf8')) as {
    on: Record<string, unknown>;
    jobs: Record<string, { if?: string; steps: Array<{ run?: string; with?: Record<string, string> }> }>;
  };

describe('workflows', () => {
  it('CI runs .ci/run once, so it builds once and runs the link check like a local run', () => {
    const runs = Object.values(workflow('ci.yml').jobs).flatMap((job) => job.steps.flatMap((step) => (step.run ? [step.run.trim()] : [])));
    expect(runs).toEqual(['bash .ci/run']);
  });

  it('deploy waits for a successful CI run on main and publishes the commit CI tested', () => {
    const deploy = workflow('deploy.yml');
    expect(deploy.on.push).toBeUndefined();
    expect(deploy.on.workflow_run).toEqual({ workflows: ['CI'], types: ['completed'], branches: ['main'] });
    const build = deploy.jobs.build!;
    expect(build.if).toContain("github.event.workflow_run.conclusion == 'success'");
    expect(build.steps[0]!.with?.ref).toContain('github.event.workflow_run.head_sha');
  });
});
