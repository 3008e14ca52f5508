import type { Centre } from '@outcomes/contracts';
import { DEMO_IDS, demoEmail } from '@outcomes/seeds';
import { mkdirSync } from 'node:fs';
import { apiGet, apiPut, listQuery } from './support/api';
import { signIn } from './support/auth';
import type { OpenBrowser } from './support/browser';
import { baseUrl, openBrowser, screenshot, uniqueSuffix } from './support/browser';

// An admin may create and change only the centres of their own municipality.
const ADMIN = demoEmail('admin', 'odense');

async function pickMunicipality(browser: OpenBrowser, name: string): Promise<void> {
  const { page } = browser;
  const input = page.getByRole('combobox', { name: 'Kommune' });
  // A new centre starts in the admin's own municipality: wait for it, then change it if asked.
  await page.waitForFunction(() => document.querySelector<HTMLInputElement>('.ra-input-municipalityId input')?.value);
  if ((await input.inputValue()) === name) return;
  await input.click();
  await input.fill(name);
  await page.getByRole('option', { name }).click();
}

describe('treatment centres', () => {
  let browser: OpenBrowser;

  beforeAll(async () => {
    browser = await openBrowser();
    await signIn(browser.page, ADMIN);
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('creates a centre through the form, finds it in the list and renames it', async () => {
    const { page } = browser;
    const tag = `E2E ${uniqueSuffix()}`;
    await page.goto(`${baseUrl()}/#/centres`);
    await page.getByRole('link', { name: 'Opret' }).click();

    await pickMunicipality(browser, 'Odense');
    await page.getByRole('textbox', { name: 'Navn' }).fill(`${tag} Rusmiddelcenter Nord`);
    await page.getByRole('textbox', { name: 'Adresse' }).fill('Testvej 1, 5000 Odense C');
    await page.getByRole('button', { name: 'Gem' }).click();

    await page.getByText('Elementet er oprettet').waitFor();
    await page.getByPlaceholder('Søg').fill(tag);
    await page.getByText('1-1 af 1').waitFor();
    const created = page.getByRole('cell', { name: `${tag} Rusmiddelcenter Nord` });
    await created.waitFor();
    await page.locator('tbody tr').getByText('Odense', { exact: true }).waitFor();

    await created.click();
    const name = page.getByRole('textbox', { name: 'Navn' });
    await page.waitForFunction(() => document.location.hash.startsWith('#/centres/'));
    expect(await name.inputValue()).toBe(`${tag} Rusmiddelcenter Nord`);
    expect(await page.getByRole('combobox', { name: 'Kommune' }).inputValue()).toBe('Odense');
    await name.fill(`${tag} Rusmiddelcenter Syd`);
    await page.getByRole('button', { name: 'Gem' }).click();

    await page.getByText('Elementet er opdateret').waitFor();
    await page.getByRole('cell', { name: `${tag} Rusmiddelcenter Syd` }).waitFor();
    expect(await page.getByRole('cell', { name: `${tag} Rusmiddelcenter Nord` }).count()).toBe(0);

    const stored = await apiGet<Centre[]>(`centres${listQuery({ q: tag })}`, ADMIN);
    expect(stored.map((c) => [c.name, c.address, c.phone, c.active])).toEqual([
      [`${tag} Rusmiddelcenter Syd`, 'Testvej 1, 5000 Odense C', null, true],
    ]);
    expect(stored[0]?.version).toBe(2);

    await page.getByPlaceholder('Søg').fill('');
    await page.getByRole('cell', { name: 'Rusmiddelcenter Aarhus, Centrum' }).waitFor();
    await screenshot(page, 'centre-list');
    // Another municipality's centre is read-only: its row opens no form.
    await page.getByRole('cell', { name: 'Rusmiddelcenter Aarhus, Centrum' }).click();
    await page.waitForTimeout(300);
    expect(page.url()).not.toMatch(/#\/centres\/[0-9a-f-]{36}/);
    expect(browser.pageErrors).toEqual([]);
  });

  it('shows an invalid e-mail beside the field and writes nothing', async () => {
    const { page } = browser;
    const tag = `E2E ${uniqueSuffix()}`;
    await page.goto(`${baseUrl()}/#/centres/create`);

    await pickMunicipality(browser, 'Odense');
    await page.getByRole('textbox', { name: 'Navn' }).fill(`${tag} Forkert e-mail`);
    await page.getByRole('textbox', { name: 'E-mail' }).fill('ikke-en-adresse');
    await page.getByRole('button', { name: 'Gem' }).click();

    const helper = page.locator('.ra-input-email').getByText('Skal være en gyldig e-mailadresse');
    await helper.waitFor();
    expect(page.url()).toMatch(/#\/centres\/create$/);
    expect(await apiGet<Centre[]>(`centres${listQuery({ q: tag })}`, ADMIN)).toEqual([]);
    expect(browser.pageErrors).toEqual([]);
  });

  it("proposes the admin's own municipality and refuses another one beside the input", async () => {
    const { page } = browser;
    const tag = `E2E ${uniqueSuffix()}`;
    // Through the list: the previous test left a filled-in form at #/centres/create.
    await page.goto(`${baseUrl()}/#/centres`);
    await page.getByRole('link', { name: 'Opret' }).click();
    await page.waitForFunction(() => document.querySelector<HTMLInputElement>('.ra-input-municipalityId input')?.value);
    expect(await page.getByRole('combobox', { name: 'Kommune' }).inputValue()).toBe('Odense');

    await pickMunicipality(browser, 'Aarhus');
    await page.getByRole('textbox', { name: 'Navn' }).fill(`${tag} I en anden kommune`);
    await page.getByRole('button', { name: 'Gem' }).click();

    await page.locator('.ra-input-municipalityId').getByText('Du kan kun vælge din egen kommune').waitFor();
    expect(page.url()).toMatch(/#\/centres\/create$/);
    expect(await apiGet<Centre[]>(`centres${listQuery({ q: tag })}`, ADMIN)).toEqual([]);
    expect(browser.pageErrors).toEqual([]);
  });

  it('filters the list by municipality: the filter loads its choices, asked for in react-admin’s default sort (id)', async () => {
    const { page } = browser;
    // A ReferenceInput without a sort asks for id DESC; the API refused it and the filter waited forever.
    const choices = page.waitForResponse((r) => r.url().includes('/api/municipalities?') && decodeURIComponent(r.url()).includes('sort=["id","DESC"]'));
    await page.goto(`${baseUrl()}/#/centres`);
    expect((await choices).status()).toBe(200);
    const municipalityOf = () => page.locator('tbody tr td.column-municipalityId').allTextContents();
    const filter = page.getByRole('combobox', { name: 'Kommune' });

    await filter.click();
    await page.getByRole('option', { name: 'Aarhus' }).click();
    await page.getByRole('cell', { name: 'Rusmiddelcenter Aarhus, Vest' }).waitFor();
    await page.waitForFunction(() => [...document.querySelectorAll('tbody tr td.column-municipalityId')].every((td) => td.textContent === 'Aarhus'));
    await page.getByRole('cell', { name: 'Rusmiddelcenter Aarhus, Centrum' }).waitFor();
    expect(await page.getByRole('cell', { name: 'Misbrugscenter Odense Syd' }).count()).toBe(0);
    expect(new Set(await municipalityOf())).toEqual(new Set(['Aarhus']));
    expect(page.url()).toContain('municipalityId');
    mkdirSync('/tmp/shots/contract', { recursive: true });
    await page.screenshot({ path: '/tmp/shots/contract/centres-filtered-aarhus.png' });

    await filter.click();
    await filter.fill('Odense');
    await page.getByRole('option', { name: 'Odense' }).click();
    await page.getByRole('cell', { name: 'Misbrugscenter Odense Syd' }).waitFor();
    await page.waitForFunction(() => [...document.querySelectorAll('tbody tr td.column-municipalityId')].every((td) => td.textContent === 'Odense'));
    expect(await page.getByRole('cell', { name: 'Rusmiddelcenter Aarhus, Centrum' }).count()).toBe(0);
    expect(new Set(await municipalityOf())).toEqual(new Set(['Odense']));
    expect(browser.pageErrors).toEqual([]);
  });

  it('tells the user to reload when someone else saved the centre first', async () => {
    const { page } = browser;
    const centre = await apiGet<Centre>(`centres/${DEMO_IDS.centres.odenseSyd}`, ADMIN);
    await page.goto(`${baseUrl()}/#/centres/${centre.id}`);
    await page.getByRole('textbox', { name: 'Telefon' }).waitFor();
    expect(await page.getByRole('textbox', { name: 'Navn' }).inputValue()).toBe(centre.name);

    const { id: _id, createdAt: _c, updatedAt: _u, ...input } = centre;
    await apiPut<Centre>(`centres/${centre.id}`, { ...input, phone: '+45 11 22 33 44' }, ADMIN);

    await page.getByRole('textbox', { name: 'Telefon' }).fill('+45 99 88 77 66');
    await page.getByRole('button', { name: 'Gem' }).click();
    await page.getByText('En anden har ændret posten, mens du redigerede den').waitFor();
    await screenshot(page, 'centre-edit-conflict');

    const stored = await apiGet<Centre>(`centres/${centre.id}`, ADMIN);
    expect(stored.phone).toBe('+45 11 22 33 44');
    expect(browser.pageErrors).toEqual([]);
  });
});
