// Serves dist/ for browser tests and screenshots with Astro's own static
// preview server, on loopback and a free port. Like Astro (and unlike most
// hosts), it does not redirect /path to /path/; the link checker makes sure
// every internal link carries its trailing slash.
import { preview } from 'astro';

export interface SiteServer {
  url: string;
  port: number;
  close: () => Promise<void>;
}

/**
 * `outDir` serves another build of the same project; `port` reuses an origin,
 * so a browser keeps its localStorage across two builds.
 */
export async function serveDist(root: string, options: { outDir?: string; port?: number } = {}): Promise<SiteServer> {
  const server = await preview({
    root,
    logLevel: 'error',
    ...(options.outDir ? { outDir: options.outDir } : {}),
    server: { host: '127.0.0.1', port: options.port ?? 0 },
  });
  return { url: `http://127.0.0.1:${server.port}`, port: server.port, close: () => server.stop() };
}
