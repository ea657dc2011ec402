/**
 * The browser every test drives (playwright.config.ts, the fault tests): Debian's `chromium-headless-shell`, the
 * headless-only build of Chromium that Playwright itself runs headless tests in. This machine cannot download
 * Playwright's browsers; both Debian packages come from the same Chromium release. The shell draws the same pages
 * with the same engine, without the full browser's GPU process and window compositing: measured on this 2-core machine
 * (2026-12-07), the public accessibility spec took 157 core-seconds in the shell against 230 in the full browser.
 * Set CHROMIUM_PATH to drive another Chromium (the full `/usr/bin/chromium` works the same, only slower).
 * See docs/adr/0018-tests-drive-chromium-headless-shell.md.
 */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium-headless-shell';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
