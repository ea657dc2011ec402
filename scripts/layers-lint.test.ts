import fs from 'node:fs';
import path from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: the ESLint config is plain JavaScript, without types.
import { KNOWN_EXCEPTIONS, LAYER_MESSAGES } from '../eslint.config.mjs';

/**
 * The layer rule of eslint.config.mjs, shown to fail: a made-up file in each layer importing from above it is
 * refused with the layer's message, and the imports a layer may make pass. `npm test`'s lint stage runs the same
 * configuration over the real files.
 */

const root = path.resolve(import.meta.dirname, '..');
const eslint = new ESLint({ cwd: root });

async function layerErrors(filePath: string, source: string): Promise<string[]> {
  const [result] = await eslint.lintText(source, { filePath: path.join(root, filePath) });
  return result!.messages.filter((message) => message.ruleId === 'no-restricted-imports').map((message) => message.message);
}

const uses = (specifier: string) => `import * as used from '${specifier}';\nexport const value = used;\n`;

describe('the layer rule', () => {
  it.each([
    ['lib/data/made-up.ts', '@/app/_lib/require-staff', LAYER_MESSAGES.lib],
    ['lib/data/made-up.ts', '../../app/_lib/require-staff', LAYER_MESSAGES.lib],
    ['lib/auth/made-up.ts', 'next/headers', LAYER_MESSAGES.lib],
    ['db/made-up.ts', '@/lib/money', LAYER_MESSAGES.db],
    ['db/seed/made-up.ts', '../../lib/money', LAYER_MESSAGES.db],
    ['db/made-up.ts', 'next/server', LAYER_MESSAGES.db],
    ['app/made-up/page.tsx', '@/db/schema', LAYER_MESSAGES.app],
    ['lib/services/allocations/made-up.ts', './update', LAYER_MESSAGES.verbs],
    ['lib/services/equity/made-up.ts', './set-goal', LAYER_MESSAGES.verbs],
    ['lib/services/import/made-up.ts', './receipts', LAYER_MESSAGES.verbs],
    ['lib/services/allocations/made-up.ts', 'next/headers', LAYER_MESSAGES.lib],
    ['app/staff/made-up/actions.ts', '../../../db/schema/spending', LAYER_MESSAGES.app],
  ])('refuses %s importing %s', async (file, specifier, message) => {
    const errors = await layerErrors(file, uses(specifier));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain(message);
  });

  it.each([
    ['lib/data/made-up.ts', '@/db/client'],
    ['lib/data/made-up.ts', '@/lib/money'],
    ['db/made-up.ts', './client'],
    ['app/made-up/page.tsx', '@/lib/money'],
    ['app/made-up/page.tsx', '@/db/client'],
    ['lib/services/allocations/made-up.ts', './conflict'],
    ['lib/services/import/made-up.ts', '../equity/set-context'],
    ['lib/data/made-up.test.ts', '@/app/_lib/require-staff'],
  ])('lets %s import %s', async (file, specifier) => {
    expect(await layerErrors(file, uses(specifier))).toEqual([]);
  });

  it('lists as known exceptions only files that exist (the list shrinks as they move to their layer)', () => {
    const listed = [...KNOWN_EXCEPTIONS.db, ...KNOWN_EXCEPTIONS.lib] as string[];
    expect(listed.filter((file) => !fs.existsSync(path.join(root, file)))).toEqual([]);
  });
});
