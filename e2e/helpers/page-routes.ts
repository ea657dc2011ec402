import fs from 'node:fs';
import path from 'node:path';

const APP = path.resolve('app');

/**
 * Every route of the app as its folder pattern ("/l/[slug]/lines/[id]"), found on disk: pages (page.tsx) and route
 * handlers (route.ts). Route groups "(name)" do not appear in URLs and are left out; private folders "_name" hold
 * no routes.
 */
export function appRoutes(kind: 'page' | 'route'): string[] {
  const file = new RegExp(`^${kind}\\.(tsx|ts|jsx|js)$`);
  const found: string[] = [];
  const walk = (dir: string, segments: string[]) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      if (entry.isDirectory()) {
        if (entry.name.startsWith('_')) continue;
        walk(path.join(dir, entry.name), /^\(.+\)$/.test(entry.name) ? segments : [...segments, entry.name]);
      } else if (file.test(entry.name)) {
        found.push(`/${segments.join('/')}`);
      }
    }
  };
  walk(APP, []);
  return found.sort();
}
