import { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { isConnectionFailure } from '@/lib/errors/connection-failure';
import { openDatabase, rawClient, type DatabaseHandle, type EmbeddedClient } from './client';
import { PgliteWorkerClient } from './pglite-client';
import { createTestDatabase, type TestDatabase } from './testing/test-database';

/**
 * The embedded database on its own thread (db/pglite-client.ts, db/pglite-worker.mjs): what the app relies on from
 * PGlite must come back through the messages exactly as it did in-process. Every other database test runs on it too
 * (db/testing/test-database.ts opens PGlite this way); these are the cases that only a thread can get wrong.
 */
let database: TestDatabase;
let handle: DatabaseHandle;
let client: EmbeddedClient;

beforeAll(async () => {
  database = await createTestDatabase('pglite');
  handle = database.handle;
  client = rawClient(handle) as EmbeddedClient;
  await handle.db.execute(sql`create table item (id integer primary key, name text not null unique, amount bigint not null)`);
  await client.exec(`
    create table split (item_id integer not null, cents bigint not null);
    create function split_total() returns trigger language plpgsql as $$
    begin
      if (select coalesce(sum(cents), 0) from split) > 100 then
        raise exception 'splits over 100' using errcode = '23514';
      end if;
      return null;
    end $$;
    create constraint trigger split_total after insert on split deferrable initially deferred
      for each row execute function split_total();
    -- Holds the database's thread for a while, as a long statement does (pg_sleep would not: PGlite sleeps without it).
    create function busy(seconds float8) returns void language plpgsql as $$
    declare stop timestamptz := clock_timestamp() + make_interval(secs => seconds);
    begin
      while clock_timestamp() < stop loop end loop;
    end $$;
  `);
});
afterAll(async () => {
  await database?.drop();
});

const rowsOf = (result: unknown) => (result as { rows: unknown[] }).rows;

it('keeps a 64 MB buffer pool in a data folder, not PGlite\'s 128 MB, so a large import leaves the server under 1 GB (issue 14); 16 MB in memory', async () => {
  expect(rowsOf(await client.query('show shared_buffers'))).toEqual([{ shared_buffers: '16MB' }]);
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'abate-buffers-'));
  const inFolder = await openDatabase({ dataDir: path.join(folder, 'abate') });
  try {
    expect(rowsOf(await inFolder.db.execute(sql`show shared_buffers`))).toEqual([{ shared_buffers: '64MB' }]);
  } finally {
    await inFolder.close();
    fs.rmSync(folder, { recursive: true, force: true });
  }
});

const count = async (): Promise<number> =>
  Number(((await handle.db.execute(sql`select count(*)::int as n from item`)) as unknown as { rows: { n: number }[] }).rows[0]?.n);

describe('the embedded database on its own thread', () => {
  it('gives the same values, of the same types, as PGlite in the calling thread', async () => {
    const inline = new PGlite({ loadDataDir: new Blob([fs.readFileSync(inject('pgliteMigratedSnapshot'))]) });
    try {
      const query = sql`select 1::int2 as a, 2::int4 as b, 3::int8 as c, 1.25::numeric as d, 0.5::float8 as e, true as f,
        'x'::text as g, '\\x0102'::bytea as h, '{"k":[1,2]}'::jsonb as i, '2026-07-01'::date as j,
        '2026-07-01 10:00:00'::timestamp as k, '2026-07-01 10:00:00+02'::timestamptz as l, '1 day'::interval as m,
        array[1,2]::int[] as n, array['2026-01-01']::date[] as o, null::text as p,
        'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11'::uuid as q`;
      const here = await drizzlePglite({ client: inline }).execute(query);
      const there = (await handle.db.execute(query)) as unknown as typeof here;
      expect(there.rows).toEqual(here.rows);
      expect(there.fields).toEqual(here.fields);
    } finally {
      await inline.close();
    }
  });

  it('commits a transaction whole, and keeps nothing of one that threw or rolled back', async () => {
    await handle.db.transaction(async (tx) => {
      await tx.execute(sql`insert into item values (1, 'one', 100)`);
      await tx.execute(sql`insert into item values (2, 'two', 200)`);
    });
    await expect(
      handle.db.transaction(async (tx) => {
        await tx.execute(sql`insert into item values (3, 'three', 300)`);
        throw new Error('changed my mind');
      }),
    ).rejects.toThrow('changed my mind');
    await expect(
      handle.db.transaction(async (tx) => {
        await tx.execute(sql`insert into item values (4, 'four', 400)`);
        tx.rollback();
      }),
    ).rejects.toThrow('Rollback');
    // A savepoint (Drizzle's nested transaction) rolls back alone.
    await handle.db.transaction(async (tx) => {
      await tx.execute(sql`insert into item values (5, 'five', 500)`);
      await tx.transaction(async (inner) => {
        await inner.execute(sql`insert into item values (6, 'six', 600)`);
        throw new Error('inner only');
      }).catch(() => undefined);
    });
    const ids = await handle.db.execute(sql`select id from item order by id`);
    expect(rowsOf(ids)).toEqual([{ id: 1 }, { id: 2 }, { id: 5 }]);
  });

  it('makes a query from outside wait for the transaction in progress, and shows it only what was committed', async () => {
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    let began: () => void = () => undefined;
    const inside = new Promise<void>((resolve) => {
      began = resolve;
    });
    const writing = handle.db.transaction(async (tx) => {
      await tx.execute(sql`insert into item values (7, 'seven', 700)`);
      began();
      await held;
      await tx.execute(sql`insert into item values (8, 'eight', 800)`);
    });
    // The read starts once the transaction is surely under way (a fixed sleep was a race on a loaded machine).
    await inside;
    let counted: number | null = null;
    const reading = count().then((n) => {
      counted = n;
    });
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(counted).toBeNull();
    release();
    await writing;
    await reading;
    expect(counted).toBe(5);
  });

  it('reports PostgreSQL’s error fields, for a statement and for a COMMIT the deferred checks refuse', async () => {
    const duplicate = await handle.db.execute(sql`insert into item values (9, 'one', 1)`).catch((error: unknown) => error);
    const cause = (duplicate as { cause?: { code?: string; constraint?: string; detail?: string } }).cause;
    expect(cause?.code).toBe('23505');
    expect(cause?.constraint).toBe('item_name_key');
    expect(cause?.detail).toContain('(name)=(one)');

    const refused = await handle.db
      .transaction(async (tx) => {
        await tx.execute(sql`insert into split values (1, 60)`);
        await tx.execute(sql`insert into split values (1, 60)`);
      })
      .catch((error: unknown) => error);
    expect((refused as { code?: string }).code).toBe('23514');
    expect((refused as Error).message).toContain('splits over 100');
    const splits = await handle.db.execute(sql`select count(*)::int as n from split`);
    expect(rowsOf(splits)).toEqual([{ n: 0 }]);
  });

  it('delivers a notification after its commit, and none for a rollback', async () => {
    const heard: string[] = [];
    const stop = await client.listen('test_channel', (payload) => heard.push(payload));
    await handle.db.transaction(async (tx) => {
      await tx.execute(sql`select pg_notify('test_channel', 'kept')`);
    });
    await handle.db
      .transaction(async (tx) => {
        await tx.execute(sql`select pg_notify('test_channel', 'dropped')`);
        throw new Error('roll back');
      })
      .catch(() => undefined);
    await handle.db.execute(sql`select pg_notify('test_channel', 'last')`);
    const until = Date.now() + 5_000;
    while (heard.length < 2 && Date.now() < until) await new Promise((resolve) => setTimeout(resolve, 20));
    expect(heard).toEqual(['kept', 'last']);
    await stop();
  });

  it('copies in and out through /dev/blob, and a dump of the folder opens again with its rows', async () => {
    await client.query(`copy item (id, name, amount) from '/dev/blob'`, [], { blob: new Blob(['20\ttwenty\t2000\n21\ttwenty-one\t2100\n']) });
    const out = await client.query(`copy (select id, name from item where id >= 20 order by id) to '/dev/blob'`);
    expect(await out.blob?.text()).toBe('20\ttwenty\n21\ttwenty-one\n');

    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'abate-dump-'));
    try {
      const tar = path.join(folder, 'dump.tar');
      fs.writeFileSync(tar, Buffer.from(await (await client.dumpDataDir('none')).arrayBuffer()));
      const copy = await openDatabase({ dataDir: null, loadDataDir: tar });
      try {
        expect(rowsOf(await copy.db.execute(sql`select name from item where id = 21`))).toEqual([{ name: 'twenty-one' }]);
      } finally {
        await copy.close();
      }
    } finally {
      fs.rmSync(folder, { recursive: true, force: true });
    }
  });

  it('keeps the calling thread free while a statement runs, and its ping says busy instead of waiting for it', async () => {
    let ticks = 0;
    const timer = setInterval(() => (ticks += 1), 50);
    try {
      // then() sends it: a Drizzle query runs only once something waits for it.
      let finished = false;
      const busy = handle.db.execute(sql`select busy(3)`).then(() => {
        finished = true;
      });
      // Ask until the worker has taken the statement (how soon it does depends on the machine's load), then every
      // answer while it runs must be "busy", not a wait for the statement's end.
      const pings: string[] = [];
      while (!finished && !pings.includes('busy')) {
        await new Promise((resolve) => setTimeout(resolve, 50));
        pings.push(await (client as PgliteWorkerClient).ping());
      }
      expect(finished).toBe(false);
      expect(pings.at(-1)).toBe('busy');
      await busy;
      // In the calling thread PGlite would hold it for the whole statement: not one tick.
      expect(ticks).toBeGreaterThan(5);
    } finally {
      clearInterval(timer);
    }
    // A transaction open but idle (waiting for the app's next statement) does not hold the ping either.
    await handle.db.transaction(async () => {
      expect(await (client as PgliteWorkerClient).ping()).toBe('ok');
    });
    await handle.ping();
  });

  it('once closed, answers every query with an error the app reads as "database unavailable"', async () => {
    const other = (await createTestDatabase('pglite')).handle;
    await other.close();
    const error = await other.db.execute(sql`select 1`).catch((caught: unknown) => caught);
    expect(isConnectionFailure(error)).toBe(true);
    await expect(other.ping()).rejects.toThrow(/closed/);
  });
});
