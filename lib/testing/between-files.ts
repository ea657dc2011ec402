/**
 * Run before each file of the `db` test project (vitest.config.mts, `setupFiles`). Its files share their worker's
 * modules, so a file finds what the one before it left in module state. The public reads' cache is the state that
 * would change an answer: its keys name localities by id, and every file's fresh database numbers its localities
 * from 1 again, so a cached read of the last file's database would answer for this one. Emptied here, each file
 * starts with the cache a new server starts with.
 */
import { invalidatePublic, ALL_LOCALITIES } from '@/lib/cache/public-cache';

invalidatePublic(ALL_LOCALITIES);
