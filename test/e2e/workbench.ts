/** Driving VS Code's workbench in a browser page: only what a person does (keys, reading the screen). */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Page } from 'playwright-core';
import { waitFor } from './codeServer.js';

export const RESULTS = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..', '..', 'test-results', 'e2e');

/** The DOM renders spaces as non-breaking spaces: normalise before matching. */
export const clean = (s: string) => s.replace(/\u00a0/g, ' ');

export class Workbench {
  constructor(readonly page: Page) {}

  async screenshot(name: string): Promise<string> {
    fs.mkdirSync(RESULTS, { recursive: true });
    const file = path.join(RESULTS, `${name}.png`);
    await this.page.screenshot({ path: file });
    return file;
  }

  async textOf(selector: string): Promise<string> {
    const texts = await this.page.locator(selector).allInnerTexts();
    return clean(texts.join('\n'));
  }

  async waitForText(selector: string, pattern: RegExp, timeoutMs = 30_000): Promise<string> {
    return waitFor(`${selector} to show ${pattern}`, async () => {
      const t = await this.textOf(selector);
      return pattern.test(t) ? t : undefined;
    }, timeoutMs);
  }

  /** F1, type the command's title, run the first match. */
  async runCommand(title: string): Promise<void> {
    await this.page.keyboard.press('Escape');
    await this.page.keyboard.press('F1');
    const input = this.page.locator('.quick-input-widget input.input');
    await input.waitFor({ state: 'visible' });
    await input.fill(`>${title}`);
    await waitFor(`command "${title}" focused in the palette`, async () => {
      const rows = clean((await this.page.locator('.quick-input-list .monaco-list-row.focused').allInnerTexts()).join('\n'));
      return rows.toLowerCase().includes(title.toLowerCase());
    });
    await this.page.keyboard.press('Enter');
  }

  /** Pick an entry of an open quick pick by its label. */
  async pickQuick(label: string | RegExp): Promise<void> {
    const input = this.page.locator('.quick-input-widget input.input');
    await input.waitFor({ state: 'visible' });
    if (typeof label === 'string') await input.fill(label);
    await waitFor(`quick pick entry ${label} focused`, async () => {
      const rows = clean((await this.page.locator('.quick-input-list .monaco-list-row.focused').allInnerTexts()).join('\n'));
      return typeof label === 'string' ? rows.includes(label) : label.test(rows);
    });
    await this.page.keyboard.press('Enter');
  }

  /** Ctrl+P, the file name, Enter; waits until its tab is active. */
  async openFile(name: string): Promise<void> {
    await this.page.keyboard.press('Escape');
    await this.page.keyboard.press('Control+P');
    const input = this.page.locator('.quick-input-widget input.input');
    await input.waitFor({ state: 'visible' });
    await input.fill(name);
    await waitFor(`${name} focused in quick open`, async () => clean((await this.page.locator('.quick-input-list .monaco-list-row.focused').allInnerTexts()).join('\n')).includes(name));
    await this.page.keyboard.press('Enter');
    await this.waitForText('.tabs-container .tab.active', new RegExp(name.replace(/\./g, '\\.')));
    await this.page.locator('.editor-instance .monaco-editor .view-lines').first().waitFor({ state: 'visible' });
  }

  /** Ctrl+G to a 1-based line (and column). */
  async goToLine(line: number, column = 1): Promise<void> {
    await this.page.keyboard.press('Control+G');
    const input = this.page.locator('.quick-input-widget input.input');
    await input.waitFor({ state: 'visible' });
    await input.fill(`:${line}:${column}`);
    await this.page.keyboard.press('Enter');
    await input.waitFor({ state: 'hidden' });
  }

  /** The status bar item that shows the cursor position says `Ln line, Col column`. */
  async waitForCursor(line: number): Promise<void> {
    await this.waitForText('.statusbar', new RegExp(`Ln ${line},`));
  }

  /** Open the code actions menu at the cursor (Ctrl+.), move to the entry titled `title`, apply it. */
  async applyCodeAction(title: string): Promise<void> {
    await this.page.keyboard.press('Control+.');
    const widget = this.page.locator('.action-widget');
    await widget.waitFor({ state: 'visible' });
    await this.waitForText('.action-widget', new RegExp(title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
    for (let i = 0; i < 40; i++) {
      const focused = clean((await this.page.locator('.action-widget .monaco-list-row.focused').allInnerTexts()).join(''));
      if (focused.includes(title)) {
        await this.page.keyboard.press('Enter');
        await widget.waitFor({ state: 'hidden' });
        return;
      }
      await this.page.keyboard.press('ArrowDown');
    }
    throw new Error(`code action "${title}" not reachable in: ${await this.textOf('.action-widget')}`);
  }

  /** The visible lines of the active editor, top to bottom. */
  async visibleLines(): Promise<string[]> {
    const editor = this.page.locator('.editor-instance .monaco-editor').first();
    const lines = await editor.locator('.view-line').evaluateAll((els) =>
      els.map((e) => ({ top: parseFloat((e as HTMLElement).style.top || '0'), text: (e as HTMLElement).innerText })).sort((a, b) => a.top - b.top).map((l) => l.text),
    );
    return lines.map(clean);
  }

  /** Drag the sash between the side bar and the editor so that tree labels are readable in screenshots. */
  async widenSideBar(to = 520): Promise<void> {
    const box = await this.page.locator('.part.sidebar').boundingBox();
    if (!box) throw new Error('no side bar');
    const x = box.x + box.width - 1;
    const y = box.y + box.height / 2;
    await this.page.mouse.move(x, y);
    await this.page.mouse.down();
    await this.page.mouse.move(box.x + to, y, { steps: 5 });
    await this.page.mouse.up();
    await waitFor('the wider side bar', async () => ((await this.page.locator('.part.sidebar').boundingBox())?.width ?? 0) > box.width + 50, 5_000);
  }
}
