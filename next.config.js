// @ts-check

// next-intl reads its request configuration (the page's locale and messages) from i18n/request.ts.
// eslint-disable-next-line @typescript-eslint/no-require-imports -- this config file is CommonJS
const createNextIntlPlugin = require('next-intl/plugin');
const withNextIntl = createNextIntlPlugin('./i18n/request.ts');

// Kept in step with lib/security/csp.ts (baseSecurityHeaders), which the proxy applies to pages and API answers;
// these reach the static files the proxy does not see.
const staticHeaders = [
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
  { key: 'X-Frame-Options', value: 'DENY' },
];

const testBuild = process.env.ABATE_TEST_BUILD === '1';

/** @type {import('next').NextConfig} */
const nextConfig = {
  // PGlite ships a WASM build of Postgres and loads its files from its own package folder at run time;
  // bundling it would break those paths. pg and argon2 have native or optional native parts.
  serverExternalPackages: ['@electric-sql/pglite', 'pg', '@node-rs/argon2'],
  poweredByHeader: false,
  // `npm test` type-checks the whole project in its own stage (tsc over tsconfig.typecheck.json, which includes
  // app/), so its build (ABATE_TEST_BUILD=1) skips Next's second pass of the same check (20 s and about 40
  // CPU-seconds on two cores). Every other build, `npm start`'s included, checks types as usual.
  typescript: { ignoreBuildErrors: testBuild },
  // Turbopack keeps a cache of the build in .next/ for the next one (23 s to write under CI's load). CI builds a
  // fresh clone once and never reads it back.
  experimental: { turbopackFileSystemCacheForBuild: !(testBuild && process.env.CI) },
  reactStrictMode: true,
  async headers() {
    return [{ source: '/:path*', headers: staticHeaders }];
  },
};

module.exports = withNextIntl(nextConfig);
