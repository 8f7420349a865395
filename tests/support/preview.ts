// Serves dist/ for browser tests and screenshots with Astro's own static
// preview server, on loopback and a free port. Like Astro (and unlike most
// hosts), it does not redirect /path to /path/; the link checker makes sure
// every internal link carries its trailing slash.
import { preview } from 'astro';

export interface SiteServer {
  url: string;
  close: () => Promise<void>;
}

export async function serveDist(root: string): Promise<SiteServer> {
  const server = await preview({ root, logLevel: 'error', server: { host: '127.0.0.1', port: 0 } });
  return { url: `http://127.0.0.1:${server.port}`, close: () => server.stop() };
}
