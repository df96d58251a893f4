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
import {
  launchChromium,
  type Browser,
  type BrowserGlobals,
  type ConsoleMessage,
  type Frame,
  type Locator,
  type Page,
} from './playwright';

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

/** Escapes `text` for use inside a RegExp. */
function literal(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Resolves after `ms`; only where a test must watch that something *stays* (or, once, for a screenshot's sake). */
function pause(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

describe('e2e: VS Code (code-server) with the packaged extension', function () {
  // Generous: a loaded 2-core CI machine runs code-server, Chromium, the extension host and our server at once.
  this.timeout(300_000);
  let server: CodeServer | undefined;
  let browser: Browser | undefined;
  let page: Page;
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
    await page.goto(`${server.url}/?folder=${encodeURIComponent(server.workspaceDir)}`, { timeout: 120_000 });
    await page
      .locator('.explorer-folders-view .monaco-list-row')
      .first()
      .waitFor({ state: 'visible', timeout: 120_000 });
    await openFile(EXAMPLE);
    await op9Line().waitFor({ state: 'visible', timeout: 60_000 });
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
    // Whatever a test left open (a hover, a quick input, the action widget, a dialog) goes; each test opens its own
    // file, so a failure leaves the next one a workbench it can start from.
    if (browser !== undefined) await dismissTransients().catch(() => undefined);
  });

  /**
   * Moves the pointer to the explorer's empty space below its rows: no editor text and no tooltip there (the title
   * bar's middle is the command center, whose tooltip is a hover too).
   */
  async function parkPointer(): Promise<void> {
    await page.mouse.move(150, 700);
  }

  /** Closes hovers, quick inputs, menus and dialogs, and parks the pointer where it hovers nothing. */
  async function dismissTransients(): Promise<void> {
    await parkPointer();
    for (let i = 0; i < 3; i++) await page.keyboard.press('Escape');
    await waitUntil('hovers and quick inputs to close', 10_000, async () =>
      (await page.locator('.monaco-hover:not(.hidden)').count()) === 0 &&
      (await page.locator('.quick-input-widget:not([style*="display: none"])').count()) === 0
        ? true
        : undefined,
    );
  }

  /** Runs a palette command through F1 (Quick Open's Ctrl+P does not open in headless Chromium; F1 does). */
  async function runCommand(title: string): Promise<void> {
    await page.keyboard.press('F1');
    const input = page.locator('.quick-input-widget input').first();
    await input.waitFor({ state: 'visible', timeout: 30_000 });
    await input.fill(`>${title}`);
    // Enter runs the focused row: wait until the filter has made it this command, not an earlier match.
    await page
      .locator('.quick-input-widget .monaco-list-row.focused', { hasText: title })
      .first()
      .waitFor({ state: 'visible', timeout: 30_000 });
    await page.keyboard.press('Enter');
  }

  /**
   * The text editor showing workspace file `name` (a path relative to the workspace) in the active editor group:
   * VS Code sets the model's URI on the editor element, and hovers, squiggles and lenses live inside it, so locators
   * under it cannot reach another file's editor.
   */
  function editorOf(name: string): Locator {
    return page.locator(`.editor-group-container.active .monaco-editor[data-uri$="/${name}"]`).first();
  }

  /** The rendered lines of `name`'s editor whose text matches `text`. */
  function lineIn(name: string, text: RegExp): Locator {
    return editorOf(name).locator('.view-lines .view-line', { hasText: text }).first();
  }

  /** The rendered editor line holding `%9 = "ttnn.to_layout"(%8)` in the example. */
  function op9Line(): Locator {
    return lineIn(EXAMPLE, OP9_LINE);
  }

  /** The span of the op name on %9's line. */
  function op9Name(): Locator {
    return op9Line()
      .locator('span > span', { hasText: /ttnn\.to_layout/ })
      .first();
  }

  /** The status bar's cursor position of the active editor ("Ln 12, Col 3"). */
  function cursorItem(): Locator {
    return page.locator('#status\\.editor\\.selection');
  }

  /** Waits until `locator` is fully opaque (VS Code fades hovers in), so a screenshot shows what a user reads. */
  async function opaque(locator: Locator): Promise<void> {
    await waitUntil('the fade-in to finish', 10_000, async () =>
      (await locator.evaluate(
        (el) => (globalThis as unknown as BrowserGlobals).getComputedStyle(el).opacity,
        undefined,
        { timeout: 1000 },
      )) === '1'
        ? true
        : undefined,
    );
  }

  /** An explorer row by its exact name (`mochi` also prefixes the example's name). */
  function explorerRow(name: string): Locator {
    return page
      .locator('.explorer-folders-view .monaco-list-row')
      .filter({ has: page.locator('.label-name', { hasText: new RegExp(`^${literal(name)}$`) }) })
      .first();
  }

  /** The webview frame of the L1 timeline, looked up afresh (VS Code rebuilds a webview's frames when it re-shows). */
  async function timelineFrame(): Promise<Frame | undefined> {
    for (const f of page.frames()) {
      if (f.isDetached()) continue;
      if (
        (await f
          .locator('main#root')
          .count()
          .catch(() => 0)) > 0
      )
        return f;
    }
    return undefined;
  }

  /** The timeline's tab, titled after the file it shows. */
  function timelineTab(name: string): Locator {
    return page.locator('.tab', { hasText: `L1 timeline: ${name}` }).first();
  }

  /** Marks what the timeline shows now, so `timelineChartOf` can tell a chart drawn later from this one. */
  async function markTimelineStale(): Promise<void> {
    const frame = await timelineFrame();
    await frame
      ?.evaluate(() => {
        for (const child of Array.from(
          (globalThis as unknown as BrowserGlobals).document.getElementById('root')?.children ?? [],
        ))
          child.setAttribute('data-e2e-stale', '');
      })
      .catch(() => undefined);
  }

  /**
   * Waits until the timeline's tab names `name` and its webview shows a chart drawn since the last
   * `markTimelineStale` (not the previous file's chart, not "Analysing…"); returns its frame.
   */
  async function timelineChartOf(name: string, timeoutMs = 90_000): Promise<Frame> {
    return waitUntil(`the timeline to chart ${name}`, timeoutMs, async () => {
      if ((await timelineTab(name).count()) === 0) return undefined;
      const frame = await timelineFrame();
      if (frame === undefined) return undefined;
      const fresh = (await frame.locator('#root > [data-e2e-stale]').count()) === 0;
      return fresh && (await frame.locator('svg g.op').count()) > 0 ? frame : undefined;
    });
  }

  /** Opens the timeline beside the example (the editor title's action), unless it is open already. */
  async function ensureTimeline(): Promise<void> {
    if ((await timelineFrame()) !== undefined) return;
    await openFile(EXAMPLE);
    await page
      .locator('.editor-group-container.active .editor-actions .action-label[aria-label*="Show memory timeline"]')
      .first()
      .click({ timeout: 30_000 });
  }

  /**
   * Opens workspace file `name` from the explorer in the first editor group (where a user's files go; the timeline
   * sits in the second) and waits until that group's editor shows it. A click on a row opens the file in the *active*
   * group, and the editor keeps the previous file's lines on screen until the new model is in, so neither the click
   * nor a visible line says which file the editor holds: its URI does.
   */
  async function openFile(name: string): Promise<Locator> {
    const editor = editorOf(name);
    await dismissTransients();
    const firstGroup = page.locator('.editor-group-container').first();
    if (!/\bactive\b/.test((await firstGroup.getAttribute('class', { timeout: 5000 }).catch(() => '')) ?? '')) {
      await runCommand('View: Focus First Editor Group');
      await waitUntil('the first editor group to be active', 30_000, async () =>
        /\bactive\b/.test((await firstGroup.getAttribute('class', { timeout: 1000 })) ?? '') ? true : undefined,
      );
    }
    if ((await editor.count()) === 0) {
      await markTimelineStale();
      const parts = name.split('/');
      for (const folder of parts.slice(0, -1)) {
        const row = explorerRow(folder);
        await row.waitFor({ state: 'visible', timeout: 30_000 });
        if ((await row.getAttribute('aria-expanded')) !== 'true') await row.click();
        await waitUntil(`the explorer to expand ${folder}`, 30_000, async () =>
          (await row.getAttribute('aria-expanded', { timeout: 1000 })) === 'true' ? true : undefined,
        );
      }
      const row = explorerRow(parts[parts.length - 1]!);
      await row.waitFor({ state: 'visible', timeout: 30_000 });
      await row.click();
    }
    await waitUntil(`${name} in the active editor`, 90_000, async () =>
      (await editor.count()) > 0 &&
      (await editor.locator('.view-lines .view-line').count()) > 0 &&
      (await page.locator('.editor-group-container.active .tab.active', { hasText: path.basename(name) }).count()) > 0
        ? true
        : undefined,
    );
    return editor;
  }

  /**
   * Scrolls `line`'s editor with the mouse wheel until the line sits in the middle half of it; the cursor stays put.
   * Hovering a line at the viewport's edge is a race: the code lenses arrive after the squiggle and push the bottom
   * lines under the horizontal scrollbar, and Playwright's own scroll-into-view (retried with changing alignments)
   * can park the line under the sticky-scroll header, which then takes every pointer event.
   */
  async function revealInMiddle(line: Locator, what: string): Promise<void> {
    const editor = line.locator('xpath=ancestor::div[contains(concat(" ", @class, " "), " overflow-guard ")]').first();
    await waitUntil(`${what} in the middle of the editor`, 30_000, async () => {
      const e = await editor.boundingBox({ timeout: 500 });
      const l = await line.boundingBox({ timeout: 500 });
      if (e === null || l === null) return undefined;
      const middle = e.y + e.height / 2;
      if (l.y >= e.y + e.height / 4 && l.y + l.height <= e.y + (3 * e.height) / 4) return true;
      await page.mouse.move(e.x + e.width / 2, middle);
      await page.mouse.wheel(0, l.y + l.height / 2 - middle);
      await pause(300);
      return undefined;
    });
  }

  /** Error squiggles in `name`'s editor whose vertical middle lies within `line`'s box. */
  async function squigglesOn(name: string, line: Locator): Promise<number> {
    // Short timeouts: lines and squiggles come and go while the editor re-renders; a missing one counts as none.
    if ((await line.count()) === 0) return 0;
    const lineBox = await line.boundingBox({ timeout: 500 }).catch(() => null);
    if (lineBox === null) return 0;
    const squiggles = editorOf(name).locator('.squiggly-error');
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

  /** Waits (generously: the server analyses on a loaded machine) for an error squiggle on `line` of `name`. */
  async function squiggleOn(name: string, line: Locator, what: string): Promise<void> {
    await waitUntil(`an error squiggle on ${what}`, 120_000, async () =>
      (await squigglesOn(name, line)) > 0 ? true : undefined,
    );
  }

  /**
   * Hovers `target` in `name`'s editor until that editor's own hover box (not another file's) shows text for which
   * `complete` holds, and returns the text. The pointer leaves and comes back while no hover is up: a re-render (code
   * lenses, inlay hints arriving) can take a hover down before it shows.
   */
  async function hoverText(
    name: string,
    target: Locator,
    what: string,
    complete: (text: string) => boolean,
  ): Promise<string> {
    const hover = editorOf(name).locator('.monaco-hover:not(.hidden)').first();
    return waitUntil(what, 60_000, async () => {
      if ((await hover.count()) === 0) {
        await parkPointer();
        await target.hover({ timeout: 5000 });
        await hover.waitFor({ state: 'visible', timeout: 3000 });
      }
      const text = await hover.innerText({ timeout: 1000 });
      return complete(text) ? text : undefined;
    });
  }

  it('colours the file with the TextMate grammar (op names, SSA values, comments get distinct token classes)', async () => {
    await openFile(EXAMPLE);
    const classOf = async (span: Locator): Promise<string> =>
      (await span.getAttribute('class', { timeout: 1000 })) ?? '';
    const opSpan = op9Line()
      .locator('span > span', { hasText: /ttnn\.to_layout/ })
      .first();
    const ssaSpan = op9Line().locator('span > span', { hasText: /^%9$/ }).first();
    // Monaco renders spaces as U+00A0, hence \s.
    const commentSpan = editorOf(EXAMPLE)
      .locator('.view-line span > span', { hasText: /^\/\/\sMochi/ })
      .first();
    // TextMate tokenization runs after the first paint; until then every span is the default mtk1. Three distinct
    // classes are not enough to stop waiting: the comment and the SSA value can be coloured while the op name, later on
    // its line, is still mtk1.
    const coloured = (cls: string): boolean => /\bmtk(?!1\b)\d+/.test(cls);
    let classes = { op: '', ssa: '', comment: '' };
    await waitUntil('the grammar to colour the op name, the SSA value and the comment', 60_000, async () => {
      classes = { op: await classOf(opSpan), ssa: await classOf(ssaSpan), comment: await classOf(commentSpan) };
      return Object.values(classes).every(coloured) && new Set(Object.values(classes)).size === 3 ? true : undefined;
    }).catch(() => undefined);
    timings['coloured'] = Date.now() - t0;
    await page.screenshot({ path: path.join(SHOTS_DIR, '01-opened.png') });
    assert.ok(coloured(classes.op), `the op name is not coloured: ${classes.op}`);
    assert.strictEqual(
      new Set(Object.values(classes)).size,
      3,
      `expected three token colours, got op=${classes.op} ssa=${classes.ssa} comment=${classes.comment}`,
    );
  });

  it('puts an error squiggle on %9 and its hover shows the 9,990,400 B CB figure', async () => {
    await openFile(EXAMPLE);
    await squiggleOn(EXAMPLE, op9Line(), '%9');
    timings['squiggle'] = Date.now() - t0;
    await revealInMiddle(op9Line(), '%9');
    // Both parts: the diagnostic VS Code shows first, and our hover (which links to the breakdown).
    const text = await hoverText(
      EXAMPLE,
      op9Name(),
      'a hover with the CB figure',
      (t) => CB_FIGURE.test(t) && /Full breakdown/.test(t),
    );
    timings['hover'] = Date.now() - t0;
    const hover = editorOf(EXAMPLE).locator('.monaco-hover:not(.hidden)').first();
    await opaque(hover);
    await page.screenshot({ path: path.join(SHOTS_DIR, '02-hover.png') });
    observed['hover'] = text;
    assert.match(text, CB_FIGURE);
    // Our part (verdict, factory, build window, breakdown link) is visible in VS Code's default box without scrolling,
    // under the diagnostic VS Code puts in the same box; only its "View Problem" footer may sit below the fold.
    const box = await hover.boundingBox({ timeout: 5000 });
    const link = await hover
      .locator('a', { hasText: /Full breakdown/ })
      .first()
      .boundingBox({ timeout: 5000 });
    observed['hoverHeightPx'] = String(box?.height ?? -1);
    assert.ok(box !== null && box.height <= 300, `hover is ${box?.height} px tall`);
    assert.ok(
      link !== null && link.y + link.height <= box.y + box.height,
      `the breakdown link is below the fold (${link?.y} vs box ${box.y}+${box.height})`,
    );
    assert.doesNotMatch(text, /CB c_16/);
    assert.match(text, /Full breakdown/);
    // The inlay hint sits between `%9 =` and the op name, in the one unit system.
    observed['op9Line'] = await waitUntil("%9's inlay hint", 60_000, async () => {
      const lineText = await op9Line().innerText({ timeout: 1000 });
      return /✗/.test(lineText) ? lineText : undefined;
    });
    assert.match(observed['op9Line'], /%9\s=\s✗\s9\.99\sMB\s"ttnn\.to_layout"/);
  });

  it('shows the peak and overflow count in the status bar', async () => {
    await openFile(EXAMPLE);
    const item = page.locator('.statusbar-item', { hasText: /L1 .*overflow/ }).first();
    const text = await waitUntil('the TTNN L1 status bar item', 60_000, async () => {
      const t = await item.innerText({ timeout: 1000 });
      return /overflow/.test(t) ? t : undefined;
    });
    observed['statusBar'] = text;
    // The op the run hits first and tt-metal's figure for it, before the peak.
    assert.match(text, /L1 ✗ %9 9\.99 MB · peak \d/);
    // The code lens of @main: exact bytes with separators as tt-metal prints them, then the one human unit (decimal MB).
    const lens = await waitUntil(
      'the @main code lens naming %9',
      60_000,
      async () =>
        (await editorOf(EXAMPLE)
          .locator('.codelens-decoration', { hasText: /tt-metal throws at %9/ })
          .first()
          .innerText({ timeout: 1000 })) || undefined,
    );
    observed['codeLens'] = lens;
    assert.match(lens, /9,990,400 B \(9\.99 MB\) > 1,499,136 B \(1\.50 MB\)/);
    for (const shown of [text, lens, observed['hover'] ?? '', observed['op9Line'] ?? ''])
      assert.doesNotMatch(shown, /[KMG]iB/);
  });

  it('opens the L1 timeline webview: %9 marked as overflowing, its numbers on hover, click reveals it', async () => {
    await openFile(EXAMPLE);
    // The click must be what moves the cursor to %9: start it on line 1.
    await runCommand('View: Focus Active Editor Group');
    await page.keyboard.press('Control+Home');
    await waitUntil('the editor cursor on line 1', 30_000, async () =>
      /Ln 1,/.test(await cursorItem().innerText({ timeout: 1000 })) ? true : undefined,
    );
    await markTimelineStale();
    await page
      .locator('.editor-group-container.active .editor-actions .action-label[aria-label*="Show memory timeline"]')
      .first()
      .click({ timeout: 30_000 });
    const frame = await timelineChartOf(EXAMPLE);
    timings['timeline'] = Date.now() - t0;
    await page.screenshot({ path: path.join(SHOTS_DIR, '05-timeline.png') });
    const bars = await frame.locator('svg g.op').count();
    assert.ok(bars > 5, `expected a bar per op, got ${bars}`);
    const overflowing = frame.locator('svg g.op.overflows', { hasText: /%9 to_layout/ }).first();
    // As drawn: %9's CB bar rises above the L1 line and ends inside the chart (the axis is not cut off at the limit).
    const limitLine = await frame.locator('svg line.limit').first().boundingBox({ timeout: 10_000 });
    const cbBar = await overflowing.locator('rect.cb.over').first().boundingBox({ timeout: 10_000 });
    const chart = await overflowing
      .locator('xpath=ancestor::*[local-name()="svg"][1]')
      .boundingBox({ timeout: 10_000 });
    observed['timelineOp9Px'] = JSON.stringify({ limitLine, cbBar, chart });
    assert.ok(limitLine !== null && cbBar !== null && chart !== null, observed['timelineOp9Px']);
    assert.ok(cbBar.y < limitLine.y - 20, `the %9 bar top (${cbBar.y}) is not above the L1 line (${limitLine.y})`);
    assert.ok(cbBar.y > chart.y, `the %9 bar (${cbBar.y}) is clipped at the chart top (${chart.y})`);
    // The tooltip is in the page from the start (hidden); wait for the one this hover fills in.
    const tooltip = frame.locator('#tooltip:not([hidden])');
    const tipText = await waitUntil("%9's tooltip", 30_000, async () => {
      if ((await tooltip.count()) === 0) await overflowing.locator('rect.hit').hover({ force: true, timeout: 5000 });
      return (await tooltip.innerText({ timeout: 1000 })) || undefined;
    });
    await page.screenshot({ path: path.join(SHOTS_DIR, '06-timeline-hover.png') });
    assert.match(tipText, /%9 = ttnn\.to_layout/);
    // The bar reaches the region end tt-metal prints; L1 per core from the example's system_desc is 1,499,136 B.
    assert.match(tipText, /reaches 9,990,400 B of 1,499,136 B/);
    assert.match(tipText, /OVERFLOWS — tt-metal: .*\(x=7,y=6\).* grow to 9990400 B/);
    assert.match(tipText, /on the worst core \(0,0\)/);
    // Click reveals the op: the cursor (on line 1, above) goes to %9's line in the example.
    const op9Ln = new RegExp(`Ln ${OP9_EDITOR_LINE},`);
    assert.doesNotMatch(await cursorItem().innerText(), op9Ln);
    await overflowing.locator('rect.hit').click({ force: true });
    await waitUntil(`the example's cursor on line ${OP9_EDITOR_LINE}`, 30_000, async () =>
      op9Ln.test(await cursorItem().innerText({ timeout: 1000 })) && (await editorOf(EXAMPLE).count()) > 0
        ? true
        : undefined,
    );
    const cspErrors = consoleErrors.filter((m) => /Content Security Policy/i.test(m));
    assert.deepStrictEqual(cspErrors, []);
  });

  it('a loc naming a Python file outside the workspace says so in the diagnostic and links nothing there', async () => {
    await openFile(OUTSIDE);
    const line = lineIn(OUTSIDE, OP9_LINE);
    await line.waitFor({ state: 'visible', timeout: 60_000 });
    await squiggleOn(OUTSIDE, line, `%9 of ${OUTSIDE}`);
    await revealInMiddle(line, `%9 of ${OUTSIDE}`);
    const text = await hoverText(
      OUTSIDE,
      line.locator('span > span', { hasText: /ttnn\.to_layout/ }).first(),
      `the hover of %9 in ${OUTSIDE}`,
      (t) => CB_FIGURE.test(t) && /Full breakdown/.test(t),
    );
    await opaque(editorOf(OUTSIDE).locator('.monaco-hover:not(.hidden)').first());
    await page.screenshot({ path: path.join(SHOTS_DIR, '07-python-source-outside.png') });
    observed['outsideHover'] = text;
    assert.ok(text.includes(`Python source ${OUTSIDE_PY}:${PY_LINE}: outside the workspace (not linked)`), text);
    // The producer link stays; no related-information row points at the file outside.
    assert.match(text, new RegExp(`${literal(OUTSIDE)}\\(\\d+, \\d+\\): %8 ttnn\\.reshape produced`));
    assert.doesNotMatch(text, /single_ops\.py\(\d+, \d+\)/);
  });

  it("the Python source shows the dump's %9 error on the F.pad line its loc names, linking back to the op", async () => {
    // The server has analysed the dump (its squiggle is up) and the timeline beside it charts it.
    await ensureTimeline();
    await openFile(EXAMPLE);
    await squiggleOn(EXAMPLE, op9Line(), '%9');
    await timelineChartOf(EXAMPLE);
    // Then the .py opens from the explorer, which closes the dump when it replaces the dump's preview tab; any dump
    // still open (a pinned tab) is closed here, so the state does not hang on how earlier tests left the tabs. The .py
    // keeps the first group open, so the timeline stays in the second. What the dump said stays, on the .py and in the
    // timeline (its last chart, not "Analysing…" for a file that is no longer open).
    await openFile(PY_SOURCE);
    await runCommand('View: Close Other Editors in Group');
    await waitUntil('the dump tabs to close', 30_000, async () =>
      (await page.locator('.tab', { hasText: /^\s*[\w-]+\.mlir/ }).count()) === 0 ? true : undefined,
    );
    const padLine = lineIn(PY_SOURCE, /x\s=\sF\.pad\(/);
    await padLine.waitFor({ state: 'visible', timeout: 60_000 });
    // The editor's own line numbering confirms which line carries the squiggle.
    const padLineNumber = await waitUntil('the line number of the F.pad line', 30_000, async () => {
      const box = await padLine.boundingBox({ timeout: 500 });
      if (box === null) return undefined;
      const numbers = editorOf(PY_SOURCE).locator('.margin-view-overlays .line-numbers');
      for (let i = 0; i < (await numbers.count()); i++) {
        const n = await numbers.nth(i).boundingBox({ timeout: 500 });
        if (n !== null && Math.abs(n.y - box.y) < 2) return Number(await numbers.nth(i).innerText());
      }
      return undefined;
    });
    assert.strictEqual(padLineNumber, PY_LINE);
    assert.strictEqual(await page.locator('.tab', { hasText: /^\s*[\w-]+\.mlir/ }).count(), 0, 'no dump is open');
    await squiggleOn(PY_SOURCE, padLine, `${PY_SOURCE}:${PY_LINE}`);
    // The squiggle above came after the close reached the server; the chart must still be there, and stay.
    assert.ok((await timelineTab(EXAMPLE).count()) > 0, 'the timeline still names the closed dump');
    for (const until = Date.now() + 2000; Date.now() < until; await pause(200)) {
      const frame = await timelineFrame();
      assert.ok(frame !== undefined, 'the timeline is still open');
      assert.ok(
        (await frame.locator('svg g.op').count()) > 0,
        `the timeline keeps the closed dump's chart: ${await frame.locator('body').innerText()}`,
      );
    }
    const padSpan = padLine.locator('span > span', { hasText: /pad/ }).first();
    const backLink = editorOf(PY_SOURCE)
      .locator('.monaco-hover:not(.hidden) a', {
        hasText: new RegExp(`${literal(EXAMPLE)}\\(${OP9_EDITOR_LINE}, \\d+\\)`),
      })
      .first();
    const text = await hoverText(PY_SOURCE, padSpan, 'the hover of the F.pad line', (t) =>
      /tt-metal will throw at %9/.test(t),
    );
    await opaque(editorOf(PY_SOURCE).locator('.monaco-hover:not(.hidden)').first());
    await page.screenshot({ path: path.join(SHOTS_DIR, '08-python-source-hover.png') });
    observed['pythonHover'] = text;
    assert.match(
      text,
      new RegExp(
        `${literal(EXAMPLE)}: tt-metal will throw at %9 ttnn\\.to_layout: circular buffers on core \\(7,6\\) grow to 9,990,400 B`,
      ),
    );
    // The not-reached %10 / %11 warnings from the same Python line are there too, but the dump's producer chain is not.
    assert.doesNotMatch(text, /produced/);
    await backLink.waitFor({ state: 'visible', timeout: 30_000 });

    // The Problems panel lists it under the Python file, at that line.
    await dismissTransients();
    await runCommand('View: Toggle Problems');
    const problem = page
      .locator('.markers-panel .monaco-list-row', { hasText: /tt-metal will throw at %9/ })
      .filter({ hasText: new RegExp(`\\[Ln ${PY_LINE}, Col 1\\]`) })
      .first();
    await problem.waitFor({ state: 'visible', timeout: 60_000 });
    observed['pythonProblem'] = await problem.innerText();
    await page.screenshot({ path: path.join(SHOTS_DIR, '09-python-source-problems.png') });
    assert.match(observed['pythonProblem'], new RegExp(`^${literal(EXAMPLE)}: tt-metal will throw at %9`));
    await runCommand('View: Toggle Problems');
    await page.locator('.markers-panel').first().waitFor({ state: 'hidden', timeout: 30_000 });

    // The link goes back to %9 in the dump.
    await openFile(PY_SOURCE);
    await hoverText(PY_SOURCE, padSpan, 'the hover of the F.pad line, again', (t) =>
      new RegExp(`${literal(EXAMPLE)}\\(${OP9_EDITOR_LINE}, \\d+\\)`).test(t),
    );
    await backLink.click({ timeout: 30_000 });
    await waitUntil(`the dump's %9 (line ${OP9_EDITOR_LINE}) under the cursor`, 60_000, async () =>
      new RegExp(`Ln ${OP9_EDITOR_LINE},`).test(await cursorItem().innerText({ timeout: 1000 })) &&
      (await editorOf(EXAMPLE).count()) > 0
        ? true
        : undefined,
    );
  });

  it('"TTNN L1: Check workspace" lists the example with its overflows', async () => {
    await dismissTransients();
    await runCommand('TTNN L1: Check workspace');
    const title = page.locator('.quick-input-widget .quick-input-title', { hasText: /\.mlir files overflow/ }).first();
    await title.waitFor({ state: 'visible', timeout: 60_000 });
    const row = page.locator('.quick-input-widget .monaco-list-row', { hasText: EXAMPLE }).first();
    const rowText = await row.innerText({ timeout: 30_000 });
    const titleText = await title.innerText();
    await page.screenshot({ path: path.join(SHOTS_DIR, '10-check-workspace.png') });
    await page.keyboard.press('Escape');
    // The workspace holds the example and its copy with outside locs (both overflow) and the Falcon decode dump (fits).
    assert.match(titleText, /2 of 3 \.mlir files overflow/);
    assert.match(rowText, /\d+ overflows?/);
  });

  it('"TTNN L1: Import runtime log" reads the seed log through the file dialog and maps it', async () => {
    // The command is offered while an .mlir editor is active.
    await openFile(EXAMPLE);
    await runCommand('TTNN L1: Import runtime log');
    // code-server's file dialog is VS Code's simple dialog: a quick input holding a path.
    // Wait for the dialog's folder listing (it resets the input when it arrives), then fill() the whole path at once:
    // typed keys race the dialog's own path completion.
    const pathInput = page.locator('.quick-input-widget input').first();
    await page
      .locator('.quick-input-widget .monaco-list-row', { hasText: SEED_LOG })
      .first()
      .waitFor({ state: 'visible', timeout: 60_000 });
    const logPath = path.join(server!.workspaceDir, SEED_LOG);
    await pathInput.fill(logPath);
    await waitUntil('the dialog to hold the log path', 30_000, async () =>
      (await pathInput.inputValue()) === logPath ? true : undefined,
    );
    await page.keyboard.press('Enter');
    const toast = page.locator('.notifications-toasts .notification-toast', { hasText: /TTNN L1/ }).first();
    await toast.waitFor({ state: 'visible', timeout: 60_000 });
    const toastText = await toast.innerText();
    observed['importLogToast'] = toastText;
    await page.screenshot({ path: path.join(SHOTS_DIR, '11-import-log.png') });
    assert.doesNotMatch(toastText, /failed/);
    assert.ok(
      (await toast.locator('.codicon-info').count()) > 0,
      `expected an information toast (mapped), got: ${toastText}`,
    );
  });

  it('applies the constant-padding quick fix and the squiggle leaves %9', async () => {
    await ensureTimeline();
    await openFile(EXAMPLE);
    await squiggleOn(EXAMPLE, op9Line(), '%9');
    await revealInMiddle(op9Line(), '%9');
    await op9Name().click();
    await waitUntil(`the example's cursor on %9 (line ${OP9_EDITOR_LINE})`, 30_000, async () =>
      new RegExp(`Ln ${OP9_EDITOR_LINE},`).test(await cursorItem().innerText({ timeout: 1000 })) ? true : undefined,
    );
    await page.keyboard.press('Control+.');
    const rows = page.locator('.action-widget .monaco-list-row');
    await rows
      .filter({ hasText: /constant/i })
      .first()
      .waitFor({ state: 'visible', timeout: 60_000 });
    await page.screenshot({ path: path.join(SHOTS_DIR, '12-quickfix-menu.png') });
    // Keyboard, as a user would: the action widget re-renders under the pointer, which makes clicks flaky.
    const titles: string[] = [];
    for (let i = 0; i < (await rows.count()); i++) titles.push(await rows.nth(i).innerText());
    const fixIdx = titles.findIndex((t) => /constant/i.test(t));
    for (let i = 0; i < fixIdx; i++) await page.keyboard.press('ArrowDown');
    await page
      .locator('.action-widget .monaco-list-row.focused', { hasText: /constant/i })
      .first()
      .waitFor({ state: 'visible', timeout: 10_000 });
    await page.keyboard.press('Enter');
    // In the example's editor (still the active one): the fix replaces the chain, %9's line included.
    await waitUntil('the squiggle to leave %9', 60_000, async () =>
      (await editorOf(EXAMPLE).count()) > 0 && (await squigglesOn(EXAMPLE, op9Line())) === 0 ? true : undefined,
    );
    timings['quickFix'] = Date.now() - t0;
    // The fix removes the gather/embedding chain, so tt-metal's first failure moves on to the conv (the fix's title says so).
    const convLine = lineIn(EXAMPLE, /%24\s=\s.*"ttnn\.conv3d"/);
    await squiggleOn(EXAMPLE, convLine, '%24 ttnn.conv3d');
    // The code lens of @main follows the edit: it names the op that now throws first.
    await waitUntil('the @main code lens to name %24 ttnn.conv3d', 60_000, async () =>
      (await editorOf(EXAMPLE)
        .locator('.codelens-decoration', { hasText: /tt-metal throws at %24 ttnn\.conv3d/ })
        .count()) > 0
        ? true
        : undefined,
    );
    observed['codeLensAfterFix'] = await editorOf(EXAMPLE)
      .locator('.codelens-decoration', { hasText: /tt-metal throws at/ })
      .first()
      .innerText();
    // The timeline beside it charts the edited example, without the %9 overflow.
    await waitUntil('the timeline to drop the %9 overflow', 60_000, async () => {
      const frame = await timelineFrame();
      if (frame === undefined || (await timelineTab(EXAMPLE).count()) === 0) return undefined;
      return (await frame.locator('svg g.op').count()) > 0 &&
        (await frame.locator('svg g.op.overflows', { hasText: /%9 to_layout/ }).count()) === 0
        ? true
        : undefined;
    });
    await page.screenshot({ path: path.join(SHOTS_DIR, '13-after-quickfix.png') });
  });

  it('the timeline follows the active file: the Falcon dump shows one chart behind a function picker', async () => {
    await ensureTimeline();
    await openFile(FALCON);
    // At once the panel stops showing the previous file; then the Falcon analysis arrives with its picker.
    const frame = await timelineChartOf(FALCON, 120_000);
    const picker = await waitUntil('the timeline of the Falcon dump with a function picker', 120_000, async () =>
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
    await waitUntil('the chart of the picked function', 60_000, async () =>
      (await frame.locator('section.function h2').innerText({ timeout: 1000 })) === constEvalName ? true : undefined,
    );
    await page.screenshot({ path: path.join(SHOTS_DIR, '15-timeline-picked.png') });
  });
});
