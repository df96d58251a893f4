/**
 * The slice of playwright-core's API the e2e tests use, typed here because playwright-core lives in the gitignored
 * .rig/ (installed by .ci/setup-vscode-rig.sh), not in the project's dependencies, and `tsc -b` must pass without it.
 */
import * as fs from 'fs';
import * as path from 'path';

export interface Box {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

export interface Locator {
  click(options?: { timeout?: number; force?: boolean; position?: { x: number; y: number } }): Promise<void>;
  hover(options?: { timeout?: number; force?: boolean }): Promise<void>;
  waitFor(options?: { state?: 'attached' | 'detached' | 'visible' | 'hidden'; timeout?: number }): Promise<void>;
  first(): Locator;
  nth(index: number): Locator;
  filter(options: { hasText?: string | RegExp; has?: Locator }): Locator;
  locator(selector: string, options?: { hasText?: string | RegExp }): Locator;
  count(): Promise<number>;
  innerText(options?: { timeout?: number }): Promise<string>;
  fill(value: string, options?: { timeout?: number }): Promise<void>;
  inputValue(options?: { timeout?: number }): Promise<string>;
  textContent(options?: { timeout?: number }): Promise<string | null>;
  getAttribute(name: string, options?: { timeout?: number }): Promise<string | null>;
  boundingBox(options?: { timeout?: number }): Promise<Box | null>;
  selectOption(value: string, options?: { timeout?: number }): Promise<string[]>;
  screenshot(options: { path: string }): Promise<Buffer>;
  evaluate<T>(fn: (element: unknown) => T, arg?: undefined, options?: { timeout?: number }): Promise<T>;
}

export interface Frame {
  url(): string;
  isDetached(): boolean;
  locator(selector: string, options?: { hasText?: string | RegExp }): Locator;
  evaluate<T>(fn: () => T): Promise<T>;
}

/** The browser globals the tests' evaluate() callbacks use (tsc runs without the DOM lib; they run in the page). */
export interface BrowserGlobals {
  getComputedStyle(element: unknown): { readonly opacity: string };
  readonly document: {
    getElementById(
      id: string,
    ): { readonly children: ArrayLike<{ setAttribute(name: string, value: string): void }> } | null;
  };
}

export interface ConsoleMessage {
  type(): string;
  text(): string;
}

export interface Page {
  goto(url: string, options?: { timeout?: number; waitUntil?: 'load' | 'domcontentloaded' }): Promise<unknown>;
  locator(selector: string, options?: { hasText?: string | RegExp }): Locator;
  frames(): Frame[];
  keyboard: { press(key: string): Promise<void>; type(text: string, options?: { delay?: number }): Promise<void> };
  mouse: {
    move(x: number, y: number): Promise<void>;
    click(x: number, y: number): Promise<void>;
    wheel(deltaX: number, deltaY: number): Promise<void>;
  };
  screenshot(options: { path: string; fullPage?: boolean }): Promise<Buffer>;
  on(event: 'console', listener: (message: ConsoleMessage) => void): void;
  evaluate<T>(fn: () => T): Promise<T>;
}

export interface Browser {
  newPage(options?: { viewport?: { width: number; height: number } }): Promise<Page>;
  close(): Promise<void>;
}

interface PlaywrightCore {
  chromium: { launch(options: { executablePath: string; headless: boolean; args: string[] }): Promise<Browser> };
}

const REPO_ROOT = path.join(__dirname, '..', '..');

/** playwright-core from $PLAYWRIGHT_CORE_DIR or .rig/node_modules; throws with the set-up command when absent. */
export function loadPlaywright(): PlaywrightCore {
  const dir = process.env['PLAYWRIGHT_CORE_DIR'] ?? path.join(REPO_ROOT, '.rig', 'node_modules', 'playwright-core');
  if (!fs.existsSync(path.join(dir, 'package.json'))) {
    throw new Error(`playwright-core not found at ${dir}; run: bash .ci/setup-vscode-rig.sh`);
  }
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require(dir) as PlaywrightCore;
}

/** Debian's chromium: headless, no sandbox (root in CI), nothing that phones home. */
export async function launchChromium(): Promise<Browser> {
  const executablePath = process.env['CHROMIUM_BIN'] ?? '/usr/bin/chromium';
  if (!fs.existsSync(executablePath)) throw new Error(`${executablePath} not found; run: bash .ci/setup-vscode-rig.sh`);
  return loadPlaywright().chromium.launch({
    executablePath,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-dev-shm-usage',
    ],
  });
}
