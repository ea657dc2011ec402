import { eq, sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { localities } from '@/db/schema';
import { describeEachDriver } from '@/db/testing/test-database';
import { readLocalitySnapshot } from '@/lib/data/staff-localities';
import { Forbidden, Invalid, Unauthenticated } from '@/lib/errors';
import { createLocality } from './create';
import { createReceipt } from '../receipts/create';
import { SystemActor } from '../import/actor';
import { auditRowsFor, captureError, useServiceFixture } from '../testing';
import { updateLocality } from './update';

describeEachDriver('locality services', (driver) => {
  const { db, f } = useServiceFixture(driver);
  const commandLine = new SystemActor('command-line locality:create');

  async function fieldErrors(promise: Promise<unknown>): Promise<Record<string, string[]>> {
    const error = await captureError(promise);
    expect(error).toBeInstanceOf(Invalid);
    return (error as Invalid).fieldErrors;
  }

  async function localityCount(): Promise<number> {
    const result = (await db().execute(sql`select count(*)::int as n from localities`)) as unknown as { rows: { n: number }[] };
    return result.rows[0]!.n;
  }

  it('lets a site administrator add a county picked from the Census list by FIPS code, with its name filled in', async () => {
    const created = await createLocality({ db: db(), actor: f.adminReviewerA }, { kind: 'county', stateCode: 'NC', fips: '37135', name: '', fyStartMonth: '7', population: '148,696' });
    expect(created).toMatchObject({ slug: 'orange-county-nc', name: 'Orange County' });
    expect(await readLocalitySnapshot(db(), created.id)).toEqual({
      id: created.id,
      slug: 'orange-county-nc',
      name: 'Orange County',
      kind: 'county',
      stateCode: 'NC',
      fips: '37135',
      fyStartMonth: 7,
      population: 148696,
      isDemo: false,
      moneyNeedsApproval: false,
    });
    const [audit] = await auditRowsFor(db(), 'locality', created.id);
    expect(audit).toMatchObject({ userId: f.adminReviewerA.userId, localityId: created.id, action: 'create', reason: null });
    expect(audit?.after).toMatchObject({ slug: 'orange-county-nc', fips: '37135' });
  });

  it('finds a county by its name for the command line, and records the command line as the actor', async () => {
    const created = await createLocality({ db: db(), actor: commandLine }, { kind: 'county', stateCode: 'nc', name: 'durham' });
    expect(created).toMatchObject({ slug: 'durham-county-nc', name: 'Durham County' });
    expect((await readLocalitySnapshot(db(), created.id))?.fips).toBe('37063');
    const [audit] = await auditRowsFor(db(), 'locality', created.id);
    expect(audit).toMatchObject({ userId: null, reason: 'command-line locality:create' });
  });

  it('refuses an unknown county with the closest names, and writes nothing', async () => {
    const before = await localityCount();
    const errors = await fieldErrors(createLocality({ db: db(), actor: f.adminReviewerA }, { kind: 'county', stateCode: 'NC', name: 'Mecklenberg County' }));
    expect(errors.name?.[0]).toMatch(
      /^No county of NC is called "Mecklenberg County" in the Census list\. Closest: Mecklenburg County \(37119\), [A-Z][a-z]+ County \(37\d{3}\), [A-Z][a-z]+ County \(37\d{3}\)\.$/,
    );
    expect((await fieldErrors(createLocality({ db: db(), actor: f.adminReviewerA }, { kind: 'county', stateCode: 'VA', name: 'Richmond' }))).name?.[0]).toMatch(
      /Several counties of VA are called "Richmond": .*Richmond City \(51760\).*Richmond County \(51159\)/,
    );
    expect((await fieldErrors(createLocality({ db: db(), actor: f.adminReviewerA }, { kind: 'county', stateCode: 'NC', fips: '06059' }))).fips).toEqual([
      '06059 is Orange County, CA, not a county of NC.',
    ]);
    expect(await localityCount()).toBe(before);
  });

  it('types cities and towns, with a 7-digit place code of their state or none', async () => {
    const raleigh = await createLocality({ db: db(), actor: f.adminReviewerA }, { kind: 'city', stateCode: 'NC', name: 'Raleigh', fips: '3755000', fyStartMonth: '7' });
    expect(raleigh.slug).toBe('raleigh-nc');
    const errors = await fieldErrors(createLocality({ db: db(), actor: f.adminReviewerA }, { kind: 'town', stateCode: 'MA', name: 'Amherst', fips: '3755000' }));
    expect(errors.fips?.[0]).toMatch(/7 digits and starts with 25, the code of Massachusetts/);
    expect((await fieldErrors(createLocality({ db: db(), actor: f.adminReviewerA }, { kind: 'city', stateCode: 'MA', name: '' }))).name).toEqual(['Enter the name of the city.']);
  });

  it('gives every locality its own slug, and refuses one that is already there', async () => {
    const town = await createLocality({ db: db(), actor: f.adminReviewerA }, { kind: 'town', stateCode: 'MA', name: 'Springfield' });
    const city = await createLocality({ db: db(), actor: f.adminReviewerA }, { kind: 'city', stateCode: 'MA', name: 'Springfield' });
    expect([town.slug, city.slug]).toEqual(['springfield-ma', 'springfield-ma-2']);
    expect((await fieldErrors(createLocality({ db: db(), actor: f.adminReviewerA }, { kind: 'city', stateCode: 'MA', name: 'springfield' }))).name).toEqual([
      'springfield, MA is already in Abate (springfield-ma-2).',
    ]);
    expect((await fieldErrors(createLocality({ db: db(), actor: f.adminReviewerA }, { kind: 'county', stateCode: 'NC', name: 'Orange' }))).fips).toEqual([
      'Orange County (orange-county-nc) already has the FIPS code 37135.',
    ]);
    const all = await createLocality({ db: db(), actor: f.adminReviewerA }, { kind: 'other', stateCode: 'NC', name: 'All' });
    expect(all.slug).toBe('all-nc');
  });

  it('says which field is wrong: state, kind, month, population', async () => {
    const errors = await fieldErrors(
      createLocality({ db: db(), actor: f.adminReviewerA }, { kind: 'village', stateCode: 'N', name: 'X', fyStartMonth: '13', population: '-5' }),
    );
    expect(Object.keys(errors).sort()).toEqual(['fyStartMonth', 'kind', 'population', 'stateCode']);
    expect(errors.fyStartMonth).toEqual(['The fiscal year starts in a month from 1 (January) to 12 (December).']);
    expect((await fieldErrors(createLocality({ db: db(), actor: f.adminReviewerA }, { kind: 'city', stateCode: 'ZZ', name: 'Nowhere' }))).stateCode?.[0]).toMatch(
      /"ZZ" is not a state/,
    );
    expect((await fieldErrors(createLocality({ db: db(), actor: f.adminReviewerA }, { kind: 'region', stateCode: 'NC', name: 'Triangle' }))).kind).toBeDefined();
  });

  it('is for site administrators only', async () => {
    const before = await localityCount();
    expect(await captureError(createLocality({ db: db(), actor: f.editorA }, { kind: 'city', stateCode: 'NC', name: 'Cary' }))).toBeInstanceOf(Forbidden);
    expect(await captureError(createLocality({ db: db(), actor: null }, { kind: 'city', stateCode: 'NC', name: 'Cary' }))).toBeInstanceOf(Unauthenticated);
    const [orange] = await db().select({ id: localities.id }).from(localities).where(eq(localities.slug, 'orange-county-nc'));
    expect(
      await captureError(updateLocality({ db: db(), actor: f.editorA }, { localityId: orange!.id, kind: 'county', stateCode: 'NC', fips: '37135', name: 'Mine' })),
    ).toBeInstanceOf(Forbidden);
    expect(await localityCount()).toBe(before);
  });

  it('edits a locality and keeps its slug, with the change in the audit log', async () => {
    const created = await createLocality({ db: db(), actor: f.adminReviewerA }, { kind: 'city', stateCode: 'NC', name: 'Chapel Hill', fyStartMonth: '7' });
    const updated = await updateLocality({ db: db(), actor: f.adminReviewerA }, {
      localityId: String(created.id),
      kind: 'town',
      stateCode: 'NC',
      name: 'Town of Chapel Hill',
      fips: '3711800',
      fyStartMonth: '1',
      population: '61960',
    });
    expect(updated.slug).toBe('chapel-hill-nc');
    expect(await readLocalitySnapshot(db(), created.id)).toMatchObject({ slug: 'chapel-hill-nc', name: 'Town of Chapel Hill', kind: 'town', fips: '3711800', fyStartMonth: 1 });
    const audits = await auditRowsFor(db(), 'locality', created.id);
    expect(audits.map((row) => row.action)).toEqual(['create', 'update']);
    expect(audits[1]?.before).toMatchObject({ name: 'Chapel Hill', fyStartMonth: 7 });
    expect(audits[1]?.after).toMatchObject({ name: 'Town of Chapel Hill', fyStartMonth: 1 });
  });

  it('keeps the fiscal-year start month once receipts are dated by it', async () => {
    const form = { localityId: String(f.localityA), kind: 'county', stateCode: 'ZZ', name: 'Alder County', fyStartMonth: '7', population: '' };
    // The demo's fictional state and the fixture's county without FIPS code stay as they are.
    await updateLocality({ db: db(), actor: f.adminReviewerA }, { ...form, population: '52000' });
    expect((await readLocalitySnapshot(db(), f.localityA))?.population).toBe(52000);
    await createReceipt({ db: db(), actor: f.editorA }, { localityId: String(f.localityA), sourceId: String(f.sourceId), receivedOn: '2025-08-15', amount: '10', note: '' });
    const errors = await fieldErrors(updateLocality({ db: db(), actor: f.adminReviewerA }, { ...form, fyStartMonth: '10' }));
    expect(errors.fyStartMonth?.[0]).toMatch(/cannot change now: 1 receipt\(s\) and 0 expenditure\(s\)/);
    expect((await readLocalitySnapshot(db(), f.localityA))?.fyStartMonth).toBe(7);
  });
});
