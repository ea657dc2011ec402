/**
 * The en messages, one file per page or area (lib/i18n/messages.ts merges them). A file holds whole namespaces;
 * no namespace is in two files (lib/i18n/messages.test.ts).
 */
import category from './category.json';
import categories from './categories.json';
import compare from './compare.json';
import decisions from './decisions.json';
import equity from './equity.json';
import home from './home.json';
import line from './line.json';
import locality from './locality.json';
import moneyIn from './money-in.json';
import outcomes from './outcomes.json';
import shared from './shared.json';

export const MESSAGE_FILES = { shared, categories, category, compare, decisions, equity, home, line, locality, moneyIn, outcomes };
