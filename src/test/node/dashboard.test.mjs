// Drives the operators' dashboard in headless Chromium (run by DashboardTest) and checks that what it shows matches
// the ledger (EXPECTED: totals and per-route counts read from /admin/spend by the Java test) and the circuit states.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chromium } from 'playwright-core';

const base = process.env.BASE_URL;
const expected = JSON.parse(process.env.EXPECTED);

async function withPage(run) {
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', args: ['--no-sandbox'] });
  try {
    const page = await browser.newPage();
    await page.goto(`${base}/dashboard/`);
    await run(page);
  } finally {
    await browser.close();
  }
}

test('a wrong token shows the error and no numbers', () => withPage(async (page) => {
  await page.fill('#token', 'wrong');
  await page.click('#load');
  await page.waitForFunction(() => document.getElementById('error').textContent.length > 0);
  assert.equal(await page.isHidden('#board'), true);
}));

test('the dashboard shows what the ledger holds', () => withPage(async (page) => {
  await page.fill('#token', process.env.ADMIN_TOKEN);
  await page.click('#load');
  await page.waitForSelector('#board:not([hidden])');
  assert.equal(Number(await page.textContent('#total-requests')), expected.requests);
  assert.equal(await page.textContent('#total-cost'), Number(expected.cost_usd).toFixed(6));
  assert.equal(await page.textContent('#total-savings'), Number(expected.savings_usd).toFixed(6));
  for (const [route, counts] of Object.entries(expected.routes)) {
    const row = page.locator(`#routes tr[data-route="${route}"]`);
    assert.equal(Number(await row.locator('.requests').textContent()), counts.requests, `requests of route '${route}'`);
    assert.equal(Number(await row.locator('.strong').textContent()), counts.strong, `strong of route '${route}'`);
  }
  const target = page.locator('#routes tr[data-route="tiered"] .target');
  assert.equal(await target.textContent(), expected.tiered_target);
  for (const [provider, state] of Object.entries(expected.circuits)) {
    assert.equal(await page.locator(`#circuits li[data-provider="${provider}"] span`).textContent(), state.replace('_', '-'));
  }
  assert.ok(await page.locator('#recent tbody tr').count() > 0);
}));
