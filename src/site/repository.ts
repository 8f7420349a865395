// Where the site's own source lives, for "see CONTRIBUTING.md" and edit
// links. Deployments set REPOSITORY_URL (the Pages workflow passes the
// repository it builds); the default names the project's home repository.
export const REPOSITORY_URL: string = (process.env.REPOSITORY_URL ?? 'https://github.com/posture/posture').replace(/\/+$/, '');

/** A file in the repository's default branch, as a page on GitHub. */
export function repositoryFile(path: string): string {
  return `${REPOSITORY_URL}/blob/main/${path}`;
}
