// @ts-check

/** @type {import('next').NextConfig} */
const nextConfig = {
  // PGlite ships a WASM build of Postgres and loads its files from its own package folder at run time;
  // bundling it would break those paths. pg has optional native bindings, so it stays external too.
  serverExternalPackages: ['@electric-sql/pglite', 'pg', '@node-rs/argon2'],
  poweredByHeader: false,
  reactStrictMode: true,
};

module.exports = nextConfig;
