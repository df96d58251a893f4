/**
 * End to end in a real VS Code (code-server 4.100.3 = VS Code 1.100.3, driven by headless Chromium): the packaged
 * .vsix colours the seed example, its server flags %9 with the 9,990,400 B figure tt-metal printed, the quick fix
 * edits the file, the timeline webview draws the overflow, and the Python model source its `loc`s name shows the error
 * on the `F.pad` line. Not part of `npm test`: needs .ci/setup-vscode-rig.sh.
 * Screenshots go to test-results/e2e/.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { packageVsix, REPO_ROOT, startCodeServer, waitUntil, type CodeServer } from './codeServer';
import { launchChromium, type Browser, type ConsoleMessage, type Frame, type Locator, type Page } from './playwright';

const SHOTS_DIR = path.join(REPO_ROOT, 'test-results', 'e2e');
const EXAMPLE = 'mochi_replicate_pad.mlir';
/** The runtime log of the seed failure (test/fixtures/logs). */
const SEED_LOG = 'seed_mochi.log';
/** tt-metal's figure for %9 in the seed log: "grow to 9990400 B" (examples/mochi_replicate_pad.mlir, header). */
const CB_FIGURE = /9,990,400|9990400/;
/** %9's editor line; an inlay hint (`✗ 9.99 MB`) sits between `%9 =` and the op name, and Monaco renders spaces as U+00A0. */
const OP9_LINE = /%9\s=\s.*"ttnn\.to_layout"\(%8\)/;
/** 1-based editor line of %9 in the example. */
const OP9_EDITOR_LINE =
  fs
    .readFileSync(path.join(REPO_ROOT, 'examples', EXAMPLE), 'utf8')
    .split('\n')
    .findIndex((l) => l.includes('%9 = "ttnn.to_layout"')) + 1;
/** The Falcon3-7B decode dump (145 functions, 141 of them const-eval) for the timeline's function picker. */
const FALCON = 'falcon3_decode.mlir';
/**
 * The example's Python source, where a user keeps it: the dump's `loc`s say `tests/torch/models/mochi/single_ops.py`
 * (the compiling machine's path); the server finds it in the workspace by its tail `mochi/single_ops.py`.
 */
const PY_SOURCE = 'mochi/single_ops.py';
const EXAMPLE_TEXT = fs.readFileSync(path.join(REPO_ROOT, 'examples', EXAMPLE), 'utf8');
/** The `loc` %9 carries (`#loc7` = `aten__index_workaround(#loc2)`), and the source line #loc2 names (1-based). */
const PY_LOC = /^#loc2 = loc\("([^"]+single_ops\.py)":(\d+):\d+\)$/m.exec(EXAMPLE_TEXT);
const PY_LINE = Number(PY_LOC?.[2]);
/**
 * The same dump with its `loc`s naming the Python file by an absolute path outside the workspace (the repo's copy):
 * the server must say so instead of linking it (a link would open "file not found" in the editor).
 */
const OUTSIDE = 'mochi_loc_outside.mlir';
const OUTSIDE_PY = path.join(REPO_ROOT, 'examples', PY_SOURCE);

describe('e2e: VS Code (code-server) with the packaged extension', function () {
  let server: CodeServer | undefined;
  let browser: Browser | undefined;
  let page: Page;
  let timelineFrame: Frame | undefined;
  const consoleErrors: string[] = [];
  const timings: Record<string, number> = {};
  /** Texts the editor showed, kept next to the screenshots for review. */
  const observed: Record<string, string> = {};
  const t0 = Date.now();

  before(async function () {
    fs.rmSync(SHOTS_DIR, { recursive: true, force: true });
    fs.mkdirSync(SHOTS_DIR, { recursive: true });
    // $E2E_VSIX tests an already built package (e.g. CI's `npm run package` output) instead of building one.
    const vsixPath = process.env['E2E_VSIX'] ?? packageVsix(fs.mkdtempSync(path.join(os.tmpdir(), 'ttnn-l1-vsix-')));
    timings['package'] = Date.now() - t0;
    assert.ok(
      PY_LOC !== null && fs.readFileSync(OUTSIDE_PY, 'utf8').split('\n')[PY_LINE - 1]?.includes('F.pad('),
      `#loc2 names the F.pad line of ${PY_SOURCE}`,
    );
    const outsideCopy = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'ttnn-l1-outside-')), OUTSIDE);
    fs.writeFileSync(outsideCopy, EXAMPLE_TEXT.split(`"${PY_LOC![1]}"`).join(JSON.stringify(OUTSIDE_PY)));
    server = await startCodeServer({
      vsixPath,
      workspaceFiles: {
        [EXAMPLE]: path.join(REPO_ROOT, 'examples', EXAMPLE),
        [SEED_LOG]: path.join(REPO_ROOT, 'test', 'fixtures', 'logs', SEED_LOG),
        [PY_SOURCE]: OUTSIDE_PY,
        [OUTSIDE]: outsideCopy,
        [FALCON]: path.join(
          REPO_ROOT,
          'test',
          'fixtures',
          'corpus',
          'falcon3_chisel',
          'ir',
          'traced',
          'falcon3_7b_baseline_bfp8_decode_ttnn.mlir',
        ),
      },
      userSettings: {
        'workbench.startupEditor': 'none',
        'workbench.colorTheme': 'Default Dark Modern',
        'workbench.tips.enabled': false,
        'security.workspace.trust.enabled': false,
        'telemetry.telemetryLevel': 'off',
        'update.mode': 'none',
        'extensions.autoUpdate': false,
        'extensions.autoCheckUpdates': false,
        'editor.hover.delay': 100,
        'editor.minimap.enabled': false,
        'chat.commandCenter.enabled': false,
      },
    });
    timings['codeServerUp'] = Date.now() - t0;
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
    page.on('console', (message: ConsoleMessage) => {
      if (message.type() === 'error') consoleErrors.push(message.text());
    });
    await page.goto(`${server.url}/?folder=${encodeURIComponent(server.workspaceDir)}`, { timeout: 60_000 });
    // Quick Open (Ctrl+P) does not open in headless Chromium; the explorer row does.
    const row = page.locator('.explorer-folders-view .monaco-list-row', { hasText: EXAMPLE });
    await row.waitFor({ state: 'visible', timeout: 60_000 });
    await row.click();
    await op9Line().waitFor({ state: 'visible', timeout: 30_000 });
    timings['fileOpen'] = Date.now() - t0;
  });

  after(async function () {
    await browser?.close();
    server?.stop();
    fs.writeFileSync(
      path.join(SHOTS_DIR, 'timings.json'),
      JSON.stringify({ ...timings, total: Date.now() - t0 }, null, 2),
    );
    fs.writeFileSync(path.join(SHOTS_DIR, 'observed.json'), JSON.stringify(observed, null, 2));
  });

  afterEach(async function () {
    if (this.currentTest?.state === 'failed' && browser !== undefined) {
      const name = (this.currentTest.title.replace(/[^\w]+/g, '-').slice(0, 60) || 'failure').toLowerCase();
      await page.screenshot({ path: path.join(SHOTS_DIR, `failed-${name}.png`) }).catch(() => undefined);
      if (server !== undefined) fs.copyFileSync(server.logPath, path.join(SHOTS_DIR, 'code-server.log'));
    }
  });

  /** Runs a palette command through F1 (Quick Open's Ctrl+P does not open in headless Chromium; F1 does). */
  async function runCommand(title: string): Promise<void> {
    await page.keyboard.press('F1');
    await page.locator('.quick-input-widget input').first().waitFor({ state: 'visible', timeout: 10_000 });
    await page.keyboard.type(title);
    await page
      .locator('.quick-input-widget .monaco-list-row', { hasText: title })
      .first()
      .waitFor({ state: 'visible', timeout: 10_000 });
    await page.keyboard.press('Enter');
  }

  /** The rendered editor line holding `%9 = "ttnn.to_layout"(%8)`. */
  function op9Line(): Locator {
    return page.locator('.monaco-editor .view-lines .view-line', { hasText: OP9_LINE }).first();
  }

  /** The span of the op name on %9's line. */
  function op9Name(): Locator {
    return op9Line()
      .locator('span > span', { hasText: /ttnn\.to_layout/ })
      .first();
  }

  /** Lets a hover finish fading in before a screenshot. */
  async function settled(): Promise<void> {
    await new Promise((resolve) => setTimeout(resolve, 400));
  }

  /** An explorer row by its exact name (`mochi` also prefixes the example's name). */
  function explorerRow(name: string): Locator {
    const exact = new RegExp(`^${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);
    return page
      .locator('.explorer-folders-view .monaco-list-row')
      .filter({ has: page.locator('.label-name', { hasText: exact }) })
      .first();
  }

  /**
   * Scrolls `line`'s editor with the mouse wheel until the line sits in the middle half of it; the cursor stays put.
   * Hovering a line at the viewport's edge is a race: the code lenses arrive after the squiggle and push the bottom
   * lines under the horizontal scrollbar, and Playwright's own scroll-into-view (retried with changing alignments)
   * can park the line under the sticky-scroll header, which then takes every pointer event.
   */
  async function revealInMiddle(line: Locator, what: string): Promise<void> {
    const editor = line.locator('xpath=ancestor::div[contains(concat(" ", @class, " "), " overflow-guard ")]').first();
    await waitUntil(`${what} in the middle of the editor`, 15_000, async () => {
      const e = await editor.boundingBox({ timeout: 500 });
      const l = await line.boundingBox({ timeout: 500 });
      if (e === null || l === null) return undefined;
      const middle = e.y + e.height / 2;
      if (l.y >= e.y + e.height / 4 && l.y + l.height <= e.y + (3 * e.height) / 4) return true;
      await page.mouse.move(e.x + e.width / 2, middle);
      await page.mouse.wheel(0, l.y + l.height / 2 - middle);
      await new Promise((resolve) => setTimeout(resolve, 300));
      return undefined;
    });
  }

  /** Squiggles whose vertical middle lies within `line`'s box. */
  async function squigglesOn(line: Locator): Promise<number> {
    // Short timeouts: lines and squiggles come and go while the editor re-renders; a missing one counts as none.
    if ((await line.count()) === 0) return 0;
    const lineBox = await line.boundingBox({ timeout: 500 }).catch(() => null);
    if (lineBox === null) return 0;
    const squiggles = page.locator('.monaco-editor .squiggly-error');
    let n = 0;
    for (let i = 0; i < (await squiggles.count()); i++) {
      const box = await squiggles
        .nth(i)
        .boundingBox({ timeout: 500 })
        .catch(() => null);
      if (box !== null && box.y + box.height / 2 >= lineBox.y && box.y + box.height / 2 <= lineBox.y + lineBox.height)
        n++;
    }
    return n;
  }

  it('colours the file with the TextMate grammar (op names, SSA values, comments get distinct token classes)', async () => {
    const classOf = async (text: RegExp): Promise<string> =>
      (await op9Line().locator('span > span', { hasText: text }).first().getAttribute('class')) ?? '';
    // TextMate tokenization runs after the first paint; until then every span is the default mtk1.
    const opClass = await waitUntil('the grammar to colour the op name', 20_000, async () => {
      const cls = await classOf(/ttnn\.to_layout/);
      return /\bmtk(?!1\b)\d+/.test(cls) ? cls : undefined;
    });
    const ssaClass = await classOf(/^%9$/);
    // Monaco renders spaces as U+00A0, hence \s.
    const commentSpan = page.locator('.monaco-editor .view-line span > span', { hasText: /^\/\/\sMochi/ }).first();
    const commentClass = (await commentSpan.getAttribute('class')) ?? '';
    timings['coloured'] = Date.now() - t0;
    await page.screenshot({ path: path.join(SHOTS_DIR, '01-opened.png') });
    const classes = new Set([opClass, ssaClass, commentClass]);
    assert.strictEqual(
      classes.size,
      3,
      `expected three token colours, got op=${opClass} ssa=${ssaClass} comment=${commentClass}`,
    );
  });

  it('puts an error squiggle on %9 and its hover shows the 9,990,400 B CB figure', async () => {
    await waitUntil('an error squiggle on %9', 60_000, async () =>
      (await squigglesOn(op9Line())) > 0 ? true : undefined,
    );
    timings['squiggle'] = Date.now() - t0;
    await revealInMiddle(op9Line(), '%9');
    await op9Name().hover();
    const hover = page.locator('.monaco-hover:not(.hidden)').first();
    const hoverText = await waitUntil('a hover with the CB figure', 15_000, async () => {
      const text = await hover.innerText({ timeout: 1000 });
      // Both parts: the diagnostic VS Code shows first, and our hover (which links to the breakdown).
      return CB_FIGURE.test(text) && /Full breakdown/.test(text) ? text : undefined;
    });
    timings['hover'] = Date.now() - t0;
    // Let the hover's fade-in finish so the screenshot shows it opaque.
    await new Promise((resolve) => setTimeout(resolve, 500));
    await page.screenshot({ path: path.join(SHOTS_DIR, '02-hover.png') });
    observed['hover'] = hoverText;
    assert.match(hoverText, CB_FIGURE);
    // Our part (verdict, factory, build window, breakdown link) is visible in VS Code's default box without scrolling,
    // under the diagnostic VS Code puts in the same box; only its "View Problem" footer may sit below the fold.
    const box = await hover.boundingBox({ timeout: 2000 });
    const link = await page
      .locator('.monaco-hover:not(.hidden) a', { hasText: /Full breakdown/ })
      .first()
      .boundingBox({ timeout: 2000 });
    observed['hoverHeightPx'] = String(box?.height ?? -1);
    assert.ok(box !== null && box.height <= 300, `hover is ${box?.height} px tall`);
    assert.ok(
      link !== null && link.y + link.height <= box.y + box.height,
      `the breakdown link is below the fold (${link?.y} vs box ${box.y}+${box.height})`,
    );
    assert.doesNotMatch(hoverText, /CB c_16/);
    assert.match(hoverText, /Full breakdown/);
    // The inlay hint sits between `%9 =` and the op name, in the one unit system.
    observed['op9Line'] = await op9Line().innerText();
    assert.match(observed['op9Line'], /%9\s=\s✗\s9\.99\sMB\s"ttnn\.to_layout"/);
  });

  it('shows the peak and overflow count in the status bar', async () => {
    const item = page.locator('.statusbar-item', { hasText: /L1 .*overflow/ }).first();
    const text = await waitUntil('the TTNN L1 status bar item', 15_000, async () => {
      const t = await item.innerText({ timeout: 1000 });
      return /overflow/.test(t) ? t : undefined;
    });
    observed['statusBar'] = text;
    // The op the run hits first and tt-metal's figure for it, before the peak.
    assert.match(text, /L1 ✗ %9 9\.99 MB · peak \d/);
    // The code lens of @main: exact bytes with separators as tt-metal prints them, then the one human unit (decimal MB).
    const lens = await page
      .locator('.monaco-editor .codelens-decoration', { hasText: /tt-metal throws at %9/ })
      .first()
      .innerText({ timeout: 5000 });
    observed['codeLens'] = lens;
    assert.match(lens, /9,990,400 B \(9\.99 MB\) > 1,499,136 B \(1\.50 MB\)/);
    for (const shown of [text, lens, observed['hover'] ?? '', observed['op9Line'] ?? ''])
      assert.doesNotMatch(shown, /[KMG]iB/);
  });

  it('opens the L1 timeline webview: %9 marked as overflowing, its numbers on hover, click reveals it', async () => {
    const action = page.locator('.editor-actions .action-label[aria-label*="Show memory timeline"]').first();
    await action.click({ timeout: 15_000 });
    const frame = await waitUntil('the timeline webview with bars', 30_000, async () => {
      for (const f of page.frames()) {
        if (
          (await f
            .locator('svg g.op')
            .count()
            .catch(() => 0)) > 0
        )
          return f;
      }
      return undefined;
    });
    timelineFrame = frame;
    timings['timeline'] = Date.now() - t0;
    await page.screenshot({ path: path.join(SHOTS_DIR, '05-timeline.png') });
    const bars = await frame.locator('svg g.op').count();
    assert.ok(bars > 5, `expected a bar per op, got ${bars}`);
    const overflowing = frame.locator('svg g.op.overflows', { hasText: /%9 to_layout/ }).first();
    // As drawn: %9's CB bar rises above the L1 line and ends inside the chart (the axis is not cut off at the limit).
    const limitLine = await frame.locator('svg line.limit').first().boundingBox({ timeout: 5000 });
    const cbBar = await overflowing.locator('rect.cb.over').first().boundingBox({ timeout: 5000 });
    const chart = await overflowing.locator('xpath=ancestor::*[local-name()="svg"][1]').boundingBox({ timeout: 5000 });
    observed['timelineOp9Px'] = JSON.stringify({ limitLine, cbBar, chart });
    assert.ok(limitLine !== null && cbBar !== null && chart !== null, observed['timelineOp9Px']);
    assert.ok(cbBar.y < limitLine.y - 20, `the %9 bar top (${cbBar.y}) is not above the L1 line (${limitLine.y})`);
    assert.ok(cbBar.y > chart.y, `the %9 bar (${cbBar.y}) is clipped at the chart top (${chart.y})`);
    await overflowing.locator('rect.hit').hover({ force: true });
    const tipText = await frame.locator('#tooltip').innerText({ timeout: 5000 });
    await page.screenshot({ path: path.join(SHOTS_DIR, '06-timeline-hover.png') });
    assert.match(tipText, /%9 = ttnn\.to_layout/);
    // The bar reaches the region end tt-metal prints; L1 per core from the example's system_desc is 1,499,136 B.
    assert.match(tipText, /reaches 9,990,400 B of 1,499,136 B/);
    assert.match(tipText, /OVERFLOWS — tt-metal: .*\(x=7,y=6\).* grow to 9990400 B/);
    assert.match(tipText, /on the worst core \(0,0\)/);
    // Click reveals the op: the cursor (still where the file opened, nothing has clicked the editor) goes to %9's line.
    const cursor = page.locator('#status\\.editor\\.selection');
    const op9Ln = new RegExp(`Ln ${OP9_EDITOR_LINE},`);
    assert.doesNotMatch(await cursor.innerText(), op9Ln);
    await overflowing.locator('rect.hit').click({ force: true });
    await waitUntil(`the editor cursor on line ${OP9_EDITOR_LINE}`, 10_000, async () =>
      op9Ln.test(await cursor.innerText({ timeout: 1000 })) ? true : undefined,
    );
    const cspErrors = consoleErrors.filter((m) => /Content Security Policy/i.test(m));
    assert.deepStrictEqual(cspErrors, []);
  });

  it('a loc naming a Python file outside the workspace says so in the diagnostic and links nothing there', async () => {
    await explorerRow(OUTSIDE).click();
    const line = page.locator('.monaco-editor .view-lines .view-line', { hasText: OP9_LINE }).first();
    await line.waitFor({ state: 'visible', timeout: 30_000 });
    await waitUntil('an error squiggle on %9 of the copy', 60_000, async () =>
      (await squigglesOn(line)) > 0 ? true : undefined,
    );
    await revealInMiddle(line, `%9 of ${OUTSIDE}`);
    await line
      .locator('span > span', { hasText: /ttnn\.to_layout/ })
      .first()
      .hover();
    const hover = page.locator('.monaco-hover:not(.hidden)').first();
    const hoverText = await waitUntil('the hover of %9 in the copy', 15_000, async () => {
      const text = await hover.innerText({ timeout: 1000 });
      return CB_FIGURE.test(text) && /Full breakdown/.test(text) ? text : undefined;
    });
    await settled();
    await page.screenshot({ path: path.join(SHOTS_DIR, '07-python-source-outside.png') });
    observed['outsideHover'] = hoverText;
    assert.ok(
      hoverText.includes(`Python source ${OUTSIDE_PY}:${PY_LINE}: outside the workspace (not linked)`),
      hoverText,
    );
    // The producer link stays; no related-information row points at the file outside.
    assert.match(hoverText, new RegExp(`${OUTSIDE.replace('.', '\\.')}\\(\\d+, \\d+\\): %8 ttnn\\.reshape produced`));
    assert.doesNotMatch(hoverText, /single_ops\.py\(\d+, \d+\)/);
    await page.keyboard.press('Escape');
  });

  it("the Python source shows the dump's %9 error on the F.pad line its loc names, linking back to the op", async () => {
    await explorerRow('mochi').click();
    await explorerRow('single_ops.py').click();
    const padLine = page.locator('.monaco-editor .view-lines .view-line', { hasText: /x\s=\sF\.pad\(/ }).first();
    await padLine.waitFor({ state: 'visible', timeout: 30_000 });
    // The editor's own line numbering confirms which line carries the squiggle.
    const padLineNumber = await waitUntil('the line number of the F.pad line', 5000, async () => {
      const box = await padLine.boundingBox({ timeout: 500 });
      if (box === null) return undefined;
      const numbers = page.locator('.monaco-editor .margin-view-overlays .line-numbers');
      for (let i = 0; i < (await numbers.count()); i++) {
        const n = await numbers.nth(i).boundingBox({ timeout: 500 });
        if (n !== null && Math.abs(n.y - box.y) < 2) return Number(await numbers.nth(i).innerText());
      }
      return undefined;
    });
    assert.strictEqual(padLineNumber, PY_LINE);
    // Opening the .py from the explorer replaced the dump's preview tab, closing the dump: what it said stays, here and
    // in the timeline (its last chart, not "Analysing…" for a file that is no longer open).
    assert.strictEqual(await page.locator('.tab', { hasText: /^\s*[\w-]+\.mlir/ }).count(), 0, 'no dump is open');
    if (timelineFrame !== undefined) {
      const frame = timelineFrame;
      await new Promise((resolve) => setTimeout(resolve, 1500));
      assert.ok(
        (await frame.locator('svg g.op').count()) > 0,
        `the timeline keeps the closed dump's chart: ${await frame.locator('body').innerText()}`,
      );
    }
    await waitUntil(`an error squiggle on ${PY_SOURCE}:${PY_LINE}`, 30_000, async () =>
      (await squigglesOn(padLine)) > 0 ? true : undefined,
    );
    await padLine.locator('span > span', { hasText: /pad/ }).first().hover();
    const hover = page.locator('.monaco-hover:not(.hidden)').first();
    const hoverText = await waitUntil('the hover of the F.pad line', 15_000, async () => {
      const text = await hover.innerText({ timeout: 1000 });
      return /tt-metal will throw at %9/.test(text) ? text : undefined;
    });
    await settled();
    await page.screenshot({ path: path.join(SHOTS_DIR, '08-python-source-hover.png') });
    observed['pythonHover'] = hoverText;
    assert.match(
      hoverText,
      new RegExp(
        `${EXAMPLE.replace('.', '\\.')}: tt-metal will throw at %9 ttnn\\.to_layout: circular buffers on core \\(7,6\\) grow to 9,990,400 B`,
      ),
    );
    // The not-reached %10 / %11 warnings from the same Python line are there too, but the dump's producer chain is not.
    assert.doesNotMatch(hoverText, /produced/);
    const backLink = page
      .locator('.monaco-hover:not(.hidden) a', {
        hasText: new RegExp(`${EXAMPLE.replace('.', '\\.')}\\(${OP9_EDITOR_LINE}, \\d+\\)`),
      })
      .first();
    await backLink.waitFor({ state: 'visible', timeout: 5000 });

    // The Problems panel lists it under the Python file, at that line.
    await runCommand('View: Toggle Problems');
    const problem = page
      .locator('.markers-panel .monaco-list-row', { hasText: /tt-metal will throw at %9/ })
      .filter({ hasText: new RegExp(`\\[Ln ${PY_LINE}, Col 1\\]`) })
      .first();
    await problem.waitFor({ state: 'visible', timeout: 15_000 });
    observed['pythonProblem'] = await problem.innerText();
    await page.screenshot({ path: path.join(SHOTS_DIR, '09-python-source-problems.png') });
    assert.match(observed['pythonProblem'], new RegExp(`^${EXAMPLE.replace('.', '\\.')}: tt-metal will throw at %9`));
    await runCommand('View: Toggle Problems');

    // The link goes back to %9 in the dump.
    await padLine.locator('span > span', { hasText: /pad/ }).first().hover();
    await backLink.click({ timeout: 10_000 });
    const cursor = page.locator('#status\\.editor\\.selection');
    await waitUntil(`the dump's %9 (line ${OP9_EDITOR_LINE}) under the cursor`, 10_000, async () =>
      new RegExp(`Ln ${OP9_EDITOR_LINE},`).test(await cursor.innerText({ timeout: 1000 })) &&
      (await page.locator('.tab.active', { hasText: EXAMPLE }).count()) > 0
        ? true
        : undefined,
    );
  });

  it('"TTNN L1: Check workspace" lists the example with its overflows', async () => {
    await runCommand('TTNN L1: Check workspace');
    const title = page.locator('.quick-input-widget .quick-input-title', { hasText: /\.mlir files overflow/ }).first();
    await title.waitFor({ state: 'visible', timeout: 30_000 });
    const row = page.locator('.quick-input-widget .monaco-list-row', { hasText: EXAMPLE }).first();
    const rowText = await row.innerText({ timeout: 5000 });
    const titleText = await title.innerText();
    await page.screenshot({ path: path.join(SHOTS_DIR, '10-check-workspace.png') });
    await page.keyboard.press('Escape');
    // The workspace holds the example and its copy with outside locs (both overflow) and the Falcon decode dump (fits).
    assert.match(titleText, /2 of 3 \.mlir files overflow/);
    assert.match(rowText, /\d+ overflows?/);
  });

  it('"TTNN L1: Import runtime log" reads the seed log through the file dialog and maps it', async () => {
    await runCommand('TTNN L1: Import runtime log');
    // code-server's file dialog is VS Code's simple dialog: a quick input holding a path.
    // Wait for the dialog's folder listing (it resets the input when it arrives), then fill() the whole path at once:
    // typed keys race the dialog's own path completion.
    const pathInput = page.locator('.quick-input-widget input').first();
    await page
      .locator('.quick-input-widget .monaco-list-row', { hasText: SEED_LOG })
      .first()
      .waitFor({ state: 'visible', timeout: 10_000 });
    const logPath = path.join(server!.workspaceDir, SEED_LOG);
    await pathInput.fill(logPath);
    await waitUntil('the dialog to hold the log path', 5000, async () =>
      (await pathInput.inputValue()) === logPath ? true : undefined,
    );
    await page.keyboard.press('Enter');
    const toast = page.locator('.notifications-toasts .notification-toast', { hasText: /TTNN L1/ }).first();
    await toast.waitFor({ state: 'visible', timeout: 30_000 });
    const toastText = await toast.innerText();
    observed['importLogToast'] = toastText;
    await page.screenshot({ path: path.join(SHOTS_DIR, '11-import-log.png') });
    assert.doesNotMatch(toastText, /failed/);
    assert.ok(
      (await toast.locator('.codicon-info').count()) > 0,
      `expected an information toast (mapped), got: ${toastText}`,
    );
    await page.keyboard.press('Escape');
  });

  it('applies the constant-padding quick fix and the squiggle leaves %9', async () => {
    await page.keyboard.press('Escape');
    await op9Name().click();
    await page.keyboard.press('Control+.');
    const rows = page.locator('.action-widget .monaco-list-row');
    await rows
      .filter({ hasText: /constant/i })
      .first()
      .waitFor({ state: 'visible', timeout: 15_000 });
    await page.screenshot({ path: path.join(SHOTS_DIR, '12-quickfix-menu.png') });
    // Keyboard, as a user would: the action widget re-renders under the pointer, which makes clicks flaky.
    const titles: string[] = [];
    for (let i = 0; i < (await rows.count()); i++) titles.push(await rows.nth(i).innerText());
    const fixIdx = titles.findIndex((t) => /constant/i.test(t));
    for (let i = 0; i < fixIdx; i++) await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await waitUntil('the squiggle to leave %9', 30_000, async () => {
      return (await squigglesOn(op9Line())) > 0 ? undefined : true;
    });
    timings['quickFix'] = Date.now() - t0;
    // The fix removes the gather/embedding chain, so tt-metal's first failure moves on to the conv (the fix's title says so).
    const convLine = page
      .locator('.monaco-editor .view-lines .view-line', { hasText: /%24\s=\s.*"ttnn\.conv3d"/ })
      .first();
    await waitUntil('the error squiggle to move to %24 ttnn.conv3d', 15_000, async () =>
      (await squigglesOn(convLine)) > 0 ? true : undefined,
    );
    // The code lens of @main follows the edit: it names the op that now throws first.
    await waitUntil('the @main code lens to name %24 ttnn.conv3d', 15_000, async () =>
      (await page
        .locator('.monaco-editor .codelens-decoration', { hasText: /tt-metal throws at %24 ttnn\.conv3d/ })
        .count()) > 0
        ? true
        : undefined,
    );
    observed['codeLensAfterFix'] = await page
      .locator('.monaco-editor .codelens-decoration', { hasText: /tt-metal throws at/ })
      .first()
      .innerText();
    if (timelineFrame !== undefined) {
      const frame = timelineFrame;
      await waitUntil('the timeline to drop the %9 overflow', 15_000, async () =>
        (await frame.locator('svg g.op.overflows', { hasText: /%9 to_layout/ }).count()) === 0 ? true : undefined,
      );
    }
    await page.screenshot({ path: path.join(SHOTS_DIR, '13-after-quickfix.png') });
  });

  it('the timeline follows the active file: the Falcon dump shows one chart behind a function picker', async () => {
    assert.ok(timelineFrame !== undefined, 'the timeline test opened the panel');
    const frame = timelineFrame;
    const row = page.locator('.explorer-folders-view .monaco-list-row', { hasText: FALCON });
    await row.click();
    // At once the panel stops showing the previous file; then the Falcon analysis arrives with its picker.
    const picker = await waitUntil('the timeline of the Falcon dump with a function picker', 60_000, async () =>
      (await frame.locator('#fn-picker').count()) > 0 && (await frame.locator('#fn-picker option').count()) > 100
        ? frame.locator('#fn-picker')
        : undefined,
    );
    const groups = await picker.locator('optgroup').getAttribute('label');
    assert.match(groups ?? '', /^const-eval functions \(\d+\)$/);
    assert.equal(await frame.locator('section.function').count(), 1, 'one chart at a time');
    await page.screenshot({ path: path.join(SHOTS_DIR, '14-timeline-falcon.png') });
    // Keyboard: pick a const-eval function from the picker; the chart changes to it.
    const constEvalName = await picker.locator('optgroup option').first().getAttribute('value');
    await picker.selectOption(constEvalName ?? '');
    await waitUntil('the chart of the picked function', 15_000, async () =>
      (await frame.locator('section.function h2').innerText({ timeout: 1000 })) === constEvalName ? true : undefined,
    );
    await page.screenshot({ path: path.join(SHOTS_DIR, '15-timeline-picked.png') });
  });
});
