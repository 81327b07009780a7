/**
 * The sweep's pass in Firefox ESR (`node scripts/sweep.mjs --browser firefox`): every page loaded
 * with the built Firefox extension, checked for exceptions and console errors from our content
 * script, any change to the page's DOM, and marks where none may be (the same page probes as the
 * Chromium pass). Driven by puppeteer-core over WebDriver BiDi, which reports the content script's
 * errors as the page's (page scripts are blocked by the sweep's CSP, so every error is ours). The
 * background event page is not reachable over BiDi: its errors are not seen here.
 *
 * Pages are loaded a few at a time: most of a page's time is waiting for the marks to settle.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer from 'puppeteer-core';
import {
  countOurHighlights,
  findBadMarks,
  installMutationRecorder,
  OUR_HIGHLIGHT_PATTERN,
} from './page-probes.mjs';

export const FIREFOX_PATH = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
const CONCURRENCY = 3;
const MIN_WAIT_MS = 400;
const STABLE_MS = 300;
const SETTLE_TIMEOUT_MS = 10_000;
const POLL_MS = 50;

const sleep = (ms) => new Promise((done) => setTimeout(done, ms));

/** A local port nothing listens on: the proxy for every request not to 127.0.0.1. */
async function deadPort() {
  const server = createServer();
  await new Promise((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address();
  await new Promise((done) => server.close(done));
  return port;
}

/**
 * The self-test extension is written for Chromium; Firefox wants an add-on id and a background
 * script instead of a service worker. A temporary copy gets both.
 */
function firefoxCopyOf(extension) {
  const manifest = JSON.parse(readFileSync(join(extension, 'manifest.json'), 'utf8'));
  if (manifest.browser_specific_settings?.gecko?.id) return { dir: extension, remove: () => {} };
  const dir = mkdtempSync(join(tmpdir(), 'firewall-lens-sweep-'));
  cpSync(extension, dir, { recursive: true });
  const { service_worker: worker } = manifest.background ?? {};
  writeFileSync(
    join(dir, 'manifest.json'),
    JSON.stringify({
      ...manifest,
      background: worker ? { scripts: [worker] } : manifest.background,
      browser_specific_settings: { gecko: { id: 'sweep-self-test@firewall-lens.invalid' } },
    }),
  );
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

async function settle(page) {
  const started = Date.now();
  await sleep(MIN_WAIT_MS);
  let last = -1;
  let since = Date.now();
  for (;;) {
    const counts = await page.evaluate(countOurHighlights, OUR_HIGHLIGHT_PATTERN);
    const total = Object.values(counts).reduce((a, b) => a + b, 0);
    if (total !== last) {
      last = total;
      since = Date.now();
    } else if (Date.now() - since >= STABLE_MS) {
      return { total, timedOut: false };
    }
    if (Date.now() - started > SETTLE_TIMEOUT_MS) return { total, timedOut: true };
    await sleep(POLL_MS);
  }
}

/**
 * A new tab. Puppeteer's BiDi `newPage` can refer to a tab that a page just discarded ("no such
 * frame"): the sweep's own glitch, not the extension's, so it is tried again.
 */
async function openTab(browser) {
  for (let attempt = 1; ; attempt++) {
    try {
      return await browser.newPage();
    } catch (error) {
      if (attempt === 3) throw error;
      await sleep(200);
    }
  }
}

async function sweepPage(browser, url) {
  const page = await openTab(browser);
  const problems = [];
  let marks = 0;
  // Firefox reports its own refusals (CSP, file: links) as the page's errors too: ours are the
  // ones thrown or logged from the add-on's files.
  const ours = (...urls) => urls.some((url) => String(url ?? '').includes('moz-extension://'));
  page.on('pageerror', (error) => {
    if (!ours(error?.stack)) return;
    problems.push(`content script: ${String(error?.message ?? error).split('\n')[0]}`);
  });
  page.on('console', (message) => {
    if (message.type() !== 'error' && message.type() !== 'assert') return;
    const frames = message.stackTrace().map((frame) => frame.url);
    if (!ours(message.location()?.url, ...frames)) return;
    problems.push(`content script console.${message.type()}: ${message.text().slice(0, 200)}`);
  });
  try {
    await page.evaluateOnNewDocument(installMutationRecorder);
    await page.goto(url, { waitUntil: 'load', timeout: 30_000 });
    const settled = await settle(page);
    marks = settled.total;
    if (settled.timedOut) problems.push(`marks still changing after ${SETTLE_TIMEOUT_MS} ms`);
    const bad = await page.evaluate(findBadMarks, OUR_HIGHLIGHT_PATTERN);
    for (const mark of bad.slice(0, 5)) {
      problems.push(`mark "${mark.text}" (${mark.highlight}): ${mark.problem}`);
    }
    if (bad.length > 5) problems.push(`… ${bad.length - 5} more bad marks`);
    const mutations = await page.evaluate(() => window.__firewallLensSweep);
    if (mutations && mutations.count > 0) {
      problems.push(
        `${mutations.count} DOM mutation(s): ${mutations.samples.slice(0, 3).join('; ')}`,
      );
    } else if (!mutations) {
      problems.push('mutation recorder did not run');
    }
  } catch (error) {
    problems.push(`sweep error: ${String(error?.message ?? error).split('\n')[0]}`);
  } finally {
    await page.close().catch(() => {});
  }
  return { problems, marks };
}

/**
 * Sweeps `files` (served at `origin`) in Firefox with `extension` installed. Logs a line per page
 * and returns the failures, as the Chromium pass does.
 */
export async function sweepInFirefox({ files, origin, extension }) {
  const proxyPort = await deadPort();
  const addOn = firefoxCopyOf(extension);
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX_PATH,
    headless: true,
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: {
      'network.proxy.type': 1,
      'network.proxy.http': '127.0.0.1',
      'network.proxy.http_port': proxyPort,
      'network.proxy.ssl': '127.0.0.1',
      'network.proxy.ssl_port': proxyPort,
      'network.proxy.no_proxies_on': '127.0.0.1',
      'network.proxy.allow_hijacking_localhost': false,
    },
  });
  const failures = [];
  const started = Date.now();
  try {
    await browser.installExtension(addOn.dir);
    console.log(`Sweep in Firefox ESR: ${files.length} pages, extension ${extension}\n`);
    let next = 0;
    let pagesWithMarks = 0;
    let totalMarks = 0;
    const worker = async () => {
      while (next < files.length) {
        const file = files[next++];
        const pageStarted = Date.now();
        const { problems, marks } = await sweepPage(
          browser,
          `${origin}/${encodeURIComponent(file)}`,
        ).catch((error) => ({
          problems: [`sweep error: ${String(error?.message ?? error).split('\n')[0]}`],
          marks: 0,
        }));
        if (marks > 0) pagesWithMarks++;
        totalMarks += marks;
        console.log(
          `${problems.length ? 'FAIL' : 'ok  '} ${file.padEnd(48)} ${String(marks).padStart(4)} marks ${String(Date.now() - pageStarted).padStart(6)} ms`,
        );
        for (const problem of problems) console.log(`       ${problem}`);
        if (problems.length) failures.push({ file, problems });
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    console.log(
      `\nFirefox: ${files.length} pages, ${pagesWithMarks} with marks, ${totalMarks} marks in all, ${failures.length} failure(s), ${seconds} s`,
    );
  } finally {
    await browser.close();
    addOn.remove();
  }
  return failures;
}
